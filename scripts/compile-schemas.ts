// `npm run schemas`: writes service/generated/route-schemas.cjs (see service/schema-compilers.ts).
import { writeFileSync } from 'node:fs'
import { GENERATED_SCHEMAS_FILE, generateRouteSchemasModule } from '../service/schema-codegen'

const text = await generateRouteSchemasModule()
writeFileSync(GENERATED_SCHEMAS_FILE, text)
console.log(`wrote ${GENERATED_SCHEMAS_FILE} (${(text.length / 1024).toFixed(0)} KB)`)

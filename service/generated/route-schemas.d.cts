import type { GeneratedSchemas } from '../schema-compilers'
declare const generated: GeneratedSchemas
export = generated

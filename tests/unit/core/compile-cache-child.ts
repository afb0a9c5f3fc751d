// Runs one load through the compile cache in a process of its own (V8 would reuse in-process code otherwise).
import { requireWithCompileCache } from '../../../electron/main/compile-cache'

const [bundle, cacheDir, save] = process.argv.slice(2)
const loaded = requireWithCompileCache(bundle!, cacheDir)
if (save === 'save') loaded.saveCache()
process.stdout.write(JSON.stringify({ cacheHit: loaded.cacheHit, exports: loaded.exports }))

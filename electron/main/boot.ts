/**
 * The main process's entry: loads the app bundle (index.ts, the composition root) through V8's code cache.
 * Kept apart so the cache is in use before the large bundle is compiled.
 */
import { join } from 'node:path'
import { bootWithCompileCache } from './compile-cache'

bootWithCompileCache(join(__dirname, 'index.cjs'))

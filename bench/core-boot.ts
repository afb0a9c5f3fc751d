// Entry of the benchmark's child: the same code-cache boot as electron/main/boot.ts, then the core harness.
import { join } from 'node:path'
import { bootWithCompileCache } from '../electron/main/compile-cache'

bootWithCompileCache(join(__dirname, 'core-ready.cjs'))

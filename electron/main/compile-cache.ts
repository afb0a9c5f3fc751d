import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { constants, Script } from 'node:vm'

export type LoadedBundle = {
  exports: unknown
  /** Whether V8 accepted the stored code (false on the first run and after every new build). */
  cacheHit: boolean
  /** Stores the code compiled so far — call once the app is up, so the functions start-up ran are in it. */
  saveCache(): void
}

/** Private to the user (0700): V8 runs whatever code a cache file holds, so nobody else may write one. */
export function defaultCodeCacheDir(): string {
  if (process.env.TOKEN_DESK_CODE_CACHE_DIR) return process.env.TOKEN_DESK_CODE_CACHE_DIR
  const base =
    process.platform === 'win32'
      ? (process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Caches')
        : (process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'))
  return join(base, 'token-desk', 'code-cache')
}

/**
 * A cache file fits one build of one bundle on one V8: its name carries all three (a build is told apart by
 * the file's size and time, which costs nothing, where hashing the source would cost milliseconds).
 */
function cacheFileFor(file: string, cacheDir: string): string {
  const { size, mtimeMs } = statSync(file)
  const key = createHash('sha256').update(JSON.stringify([file, size, mtimeMs, process.versions.v8, process.arch])).digest('hex')
  return join(cacheDir, `${key.slice(0, 32)}.bin`)
}

function readOwnCache(cacheFile: string): Buffer | undefined {
  try {
    const stat = statSync(cacheFile)
    // Only a file this user wrote: a cache from anyone else would be code run in this process.
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined
    return readFileSync(cacheFile)
  } catch {
    return undefined
  }
}

/**
 * Runs a CommonJS bundle through V8's code cache. Compiling the main bundle's functions is most of a start
 * otherwise. Node's own caches (`module.enableCompileCache`, v8-compile-cache) store the code right after
 * the top-level compile, which leaves out every function compiled lazily as the bundle runs — for a bundle,
 * nearly all of it. Here the cache is written after start-up (`saveCache`), so it holds those functions too.
 */
export function requireWithCompileCache(file: string, cacheDir = defaultCodeCacheDir()): LoadedBundle {
  const cacheFile = cacheFileFor(file, cacheDir)
  const source = readFileSync(file, 'utf8')
  const cachedData = readOwnCache(cacheFile)
  // import() inside the bundle (rare: bundlers turn most into require) resolves as it would in a plain module.
  const script = new Script(Module.wrap(source), { filename: file, cachedData, importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER })
  const cacheHit = cachedData !== undefined && !script.cachedDataRejected
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false }
  const run = script.runInThisContext() as (...args: unknown[]) => void
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file))
  module.loaded = true
  return {
    exports: module.exports,
    cacheHit,
    saveCache() {
      if (cacheHit) return
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 })
        const partial = `${cacheFile}.${process.pid}.tmp`
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 })
        renameSync(partial, cacheFile)
      } catch {
        // A cache is an optimisation: without one the next start compiles again.
      }
    },
  }
}

/**
 * The entry point's whole job: run the bundle through the code cache, and store the cache once start-up has
 * compiled what it needs — a few seconds in, or at exit if that comes first.
 */
export function bootWithCompileCache(file: string, saveAfterMs = 5_000): LoadedBundle {
  const bundle = requireWithCompileCache(file)
  if (!bundle.cacheHit) {
    let saved = false
    const save = () => {
      if (saved) return
      saved = true
      bundle.saveCache()
    }
    setTimeout(save, saveAfterMs).unref()
    process.once('exit', save)
  }
  return bundle
}

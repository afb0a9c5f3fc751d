// The main process's loader: V8's code cache between runs, private to the user, never trusted blindly.
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

type Load = { cacheHit: boolean; exports: { answer: number; sep: string; work: number; file: string } }
const child = join(import.meta.dirname, 'compile-cache-child.ts')
/** One start: a fresh process loads the bundle through the cache (and stores it when asked). */
function load(bundle: string, cacheDir: string, save: 'save' | 'no-save' = 'save'): Load {
  const run = spawnSync(process.execPath, ['--import', 'tsx', child, bundle, cacheDir, save], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(run.stderr)
  return JSON.parse(run.stdout) as Load
}

/** A CommonJS "bundle" with work in a lazily compiled function, as real bundles have. */
const bundleSource = (answer: number) => `
'use strict'
const path = require('node:path')
function lazilyCompiled(n) { let sum = 0; for (let i = 0; i < n; i++) sum += i % 7; return sum }
module.exports = { answer: ${answer}, sep: path.sep, work: lazilyCompiled(1000), file: __filename }
`

describe('compile cache', () => {
  let dir: string
  let bundle: string
  let cacheDir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'token-desk-compile-cache-'))
    bundle = join(dir, 'index.cjs')
    cacheDir = join(dir, 'cache')
    writeFileSync(bundle, bundleSource(42))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir) : [])

  it('runs the bundle, stores its code after start-up, and uses it on the next run', () => {
    expect(load(bundle, cacheDir, 'no-save')).toMatchObject({ cacheHit: false, exports: { answer: 42 } })
    expect(cacheFiles()).toEqual([])
    const first = load(bundle, cacheDir)
    expect(first.exports).toEqual({ answer: 42, sep: '/', work: 2997, file: bundle })
    expect(first.cacheHit).toBe(false)
    expect(cacheFiles()).toHaveLength(1)
    // Private: the folder 0700, the file 0600.
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700)
    expect(statSync(join(cacheDir, cacheFiles()[0]!)).mode & 0o777).toBe(0o600)

    const second = load(bundle, cacheDir)
    expect(second.cacheHit).toBe(true)
    expect(second.exports).toEqual(first.exports)
  })

  it('a new build misses the old cache and runs its own code', () => {
    load(bundle, cacheDir)
    writeFileSync(bundle, bundleSource(7))
    const later = new Date(Date.now() + 5_000)
    utimesSync(bundle, later, later)
    expect(load(bundle, cacheDir)).toMatchObject({ cacheHit: false, exports: { answer: 7 } })
    expect(load(bundle, cacheDir)).toMatchObject({ cacheHit: true, exports: { answer: 7 } })
  })

  it('a damaged cache file is rejected by V8 and replaced; the bundle still runs', () => {
    load(bundle, cacheDir)
    const [name] = cacheFiles()
    writeFileSync(join(cacheDir, name!), Buffer.from('not a code cache at all'), { mode: 0o600 })
    expect(load(bundle, cacheDir)).toMatchObject({ cacheHit: false, exports: { answer: 42 } })
    expect(load(bundle, cacheDir)).toMatchObject({ cacheHit: true, exports: { answer: 42 } })
  })

  it.runIf(process.getuid?.() === 0)('ignores a cache file that another user owns (its code would run in this process)', () => {
    load(bundle, cacheDir)
    chownSync(join(cacheDir, cacheFiles()[0]!), 4242, 4242)
    expect(load(bundle, cacheDir, 'no-save').cacheHit).toBe(false)
  })

  it('the built main bundle has no import() call: V8 drops the dynamic-import hook of a script restored from cache', () => {
    const built = resolve(import.meta.dirname, '../../../out/main/index.cjs')
    expect(existsSync(built), 'out/main/index.cjs is missing: run `npm run build` (npm test builds first)').toBe(true)
    const code = readFileSync(built, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '')
    expect(code.match(/(?<![\w$.])import\s*\(/g) ?? []).toEqual([])
  })
})

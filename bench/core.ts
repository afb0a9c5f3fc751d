/**
 * `npm run bench:core`: how long until the core is ready in Node — settings loaded, the sandbox instance,
 * a keychain read, the embedded service listening — against a bare `node -e ''`, both timed in this run.
 * The child is bundled and booted as the app's main process is (one CommonJS bundle, V8's code cache).
 * Goal: at most 150 ms over bare node. Run under scripts/with-keyring.mjs (the npm script does).
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { mainBundleBuild } from '../scripts/main-bundle'

const RUNS = 11
const root = resolve(import.meta.dirname, '..')
const outDir = join(root, 'node_modules', '.cache', 'token-desk-bench')
mkdirSync(outDir, { recursive: true })
const entry = join(outDir, 'core-boot.cjs')
// Bundled as electron.vite.config.ts bundles the main process: the same bundler and settings (scripts/main-bundle.ts).
await build({
  configFile: false,
  logLevel: 'warn',
  resolve: { alias: { '@shared': join(root, 'shared') } },
  ssr: { noExternal: true },
  build: {
    ssr: true,
    emptyOutDir: false,
    target: 'node20',
    ...mainBundleBuild({ 'core-boot': join(root, 'bench', 'core-boot.ts'), 'core-ready': join(root, 'bench', 'core-ready.ts') }, outDir),
  },
})

type Phases = { load: number; createCore: number; keychainRead: number; sessionGet: number }
const laterPhases: Phases[] = []

/**
 * Milliseconds from spawn until the child prints "ready" (or, for bare node, exits). The child's own phase
 * figures arrive on a later line and are kept when `phases` is given.
 */
function timeChild(args: string[], options: { ready?: boolean; phases?: Phases[]; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } })
    let stdout = ''
    let stderr = ''
    let readyAt: number | null = null
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (readyAt === null && /^ready$/m.test(stdout)) readyAt = performance.now() - started
    })
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`child exited ${code}: ${stderr.slice(-800)}`))
      if (!options.ready) return resolvePromise(performance.now() - started)
      const phases = /^phases (.+)$/m.exec(stdout)
      if (readyAt === null || !phases) return reject(new Error(`child printed no ready/phases line: ${stdout.slice(-300)}`))
      options.phases?.push(JSON.parse(phases[1]!) as Phases)
      resolvePromise(readyAt)
    })
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`
const over = (ms: number, bareMs: number) => `+${(ms - bareMs).toFixed(0)} ms over bare node`

const bare: number[] = []
const firstRun: number[] = []
const laterRun: number[] = []
const dirs: string[] = []
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}
let coldMs = 0
try {
  await timeChild(['-e', '']) // warm the OS file cache once
  // Cold: a code cache of its own that starts empty, as on the first start after an install or update.
  const coldCache = tempDir('token-desk-bench-cache-')
  coldMs = await timeChild([entry, tempDir('token-desk-bench-core-')], { ready: true, env: { TOKEN_DESK_CODE_CACHE_DIR: coldCache } })
  for (let i = 0; i < RUNS; i += 1) {
    bare.push(await timeChild(['-e', '']))
    const dataDir = tempDir('token-desk-bench-core-')
    firstRun.push(await timeChild([entry, dataDir], { ready: true }))
    laterRun.push(await timeChild([entry, dataDir], { ready: true, phases: laterPhases }))
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}

const bareMs = median(bare)
const laterMs = median(laterRun)
console.log(`core ready in Node, median of ${RUNS} runs (spawn → "ready": settings, sandbox instance, service listening, keychain read)`)
console.log(`  bare node -e ''                                ${fmt(bareMs)}`)
console.log(`  core, later run (existing data)                ${fmt(laterMs)}   ${over(laterMs, bareMs)}`)
console.log(`  core, first run (creates the sandbox)          ${fmt(median(firstRun))}   ${over(median(firstRun), bareMs)}`)
console.log(`  core, first run with an empty code cache (1×)  ${fmt(coldMs)}   ${over(coldMs, bareMs)}`)
const phase = (key: keyof Phases) => median(laterPhases.map((entry) => entry[key])).toFixed(0)
console.log(
  `  later run, inside the process (median): bundle loaded at ${phase('load')} ms, createCore ${phase('createCore')} ms, keychain read ${phase('keychainRead')} ms; then the first session:get ${phase('sessionGet')} ms (a /me call through Node's lazily loaded fetch)`,
)
console.log(`  machine load average (1 min): ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores — figures scale with it`)
console.log(`  goal: ≤ 150 ms over bare node (later run) → ${laterMs - bareMs <= 150 ? 'met' : 'NOT met'}`)

/**
 * `npm run bench:core`: how long until the core is ready in Node — settings loaded, the sandbox instance,
 * a keychain read, the embedded service listening — against a bare `node -e ''`, both timed in this run.
 * The child is bundled first (esbuild, packages external) so TypeScript compilation is not measured.
 * Goal: at most 150 ms over bare node. Run under scripts/with-keyring.mjs (the npm script does).
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'

const RUNS = 7
const root = resolve(import.meta.dirname, '..')
const outDir = join(root, 'node_modules', '.cache', 'token-desk-bench')
mkdirSync(outDir, { recursive: true })
const entry = join(outDir, 'core-ready.mjs')
await build({
  entryPoints: [join(root, 'bench', 'core-ready.ts')],
  outfile: entry,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: join(root, 'tsconfig.node.json'),
  logLevel: 'warning',
  // CommonJS inside the bundle (the generated route schemas) requires packages: give it a require.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
})

type Phases = { boot: number; imports: number; createCore: number; sessionGet: number }
const phaseLog: Phases[] = []

/** Milliseconds from spawn until `until` matches a stdout line (or the process exits). */
function timeChild(args: string[], until?: RegExp): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let done = false
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      const text = chunk.toString()
      if (!done && until && until.test(text)) {
        done = true
        phaseLog.push(JSON.parse(text.slice(text.indexOf('{'))) as Phases)
        resolvePromise(performance.now() - started)
      }
    })
    child.on('exit', (code) => {
      if (done) return
      if (code !== 0 || until) reject(new Error(`child exited ${code}: ${stderr.slice(-500)}`))
      else resolvePromise(performance.now() - started)
    })
  })
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`

const bare: number[] = []
const firstRun: number[] = []
const laterRun: number[] = []
const dirs: string[] = []
try {
  await timeChild(['-e', '']) // warm the OS file cache once
  for (let i = 0; i < RUNS; i += 1) {
    bare.push(await timeChild(['-e', '']))
    const dataDir = mkdtempSync(join(tmpdir(), 'token-desk-bench-core-'))
    dirs.push(dataDir)
    firstRun.push(await timeChild([entry, dataDir], /^ready /m))
    laterRun.push(await timeChild([entry, dataDir], /^ready /m))
  }
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
}

const bareMs = median(bare)
console.log(`core ready in Node, median of ${RUNS} runs (spawn → ready line)`)
console.log(`  bare node -e ''                      ${fmt(bareMs)}`)
console.log(`  core, first run (creates sandbox)    ${fmt(median(firstRun))}   +${(median(firstRun) - bareMs).toFixed(0)} ms over bare node`)
console.log(`  core, later run (existing data)      ${fmt(median(laterRun))}   +${(median(laterRun) - bareMs).toFixed(0)} ms over bare node`)
const phase = (key: keyof Phases) => median(phaseLog.map((entry) => entry[key])).toFixed(0)
console.log(
  `  inside the core process (median): node boot ${phase('boot')} ms, imports ${phase('imports')} ms, createCore ${phase('createCore')} ms, first session:get ${phase('sessionGet')} ms`,
)
console.log(`  machine load average (1 min): ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores — figures scale with it`)
console.log(`  goal: ≤ 150 ms over bare node (later run) → ${median(laterRun) - bareMs <= 150 ? 'met' : 'NOT met'}`)

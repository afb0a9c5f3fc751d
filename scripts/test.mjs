// `npm test`: every check the project has, in order, then one closing line with the test counts.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const reports = mkdtempSync(join(tmpdir(), 'token-desk-reports-'))
const vitestReport = join(reports, 'vitest.json')
const playwrightReports = [join(reports, 'playwright.json'), join(reports, 'electron.json')]
const bin = (name) => join('node_modules', '.bin', name)
const electronInstalled = () => {
  try {
    return Boolean(createRequire(import.meta.url)('electron'))
  } catch {
    return false
  }
}
/** Electron needs a display on Linux; xvfb-run gives it one where it is installed. */
const xvfb = () => (process.platform === 'linux' && !process.env.DISPLAY && spawnSync('sh', ['-c', 'command -v xvfb-run']).status === 0 ? ['xvfb-run', '-a'] : [])

const steps = [
  ['lint', [bin('eslint'), '.', '--max-warnings=0']],
  ['typecheck', [bin('tsc'), '-b']],
  ['typecheck e2e', [bin('tsc'), '-p', 'tsconfig.e2e.json']],
  ['build', [bin('electron-vite'), 'build']],
  ['unit + integration', ['node', 'scripts/with-keyring.mjs', bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]],
  ['end-to-end', ['node', 'scripts/with-keyring.mjs', bin('playwright'), 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReports[0] }],
  // The Electron app itself: skips with a clear message where the Electron binary is not installed.
  ['electron app', ['node', 'scripts/with-keyring.mjs', ...xvfb(), bin('playwright'), 'test', '-c', 'tests/electron', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReports[1] }],
]
const only = process.argv.slice(2)

let failedStep = null
for (const [name, [command, ...args], env = {}] of steps) {
  if (only.length > 0 && !only.includes(name.split(' ')[0])) continue
  console.log(`\n▶ ${name}`)
  if (name === 'electron app' && !electronInstalled()) {
    console.log('Electron binary not installed here: the Electron app tests are skipped (everything they check is also tested without Electron).')
  }
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) {
    failedStep = name
    break
  }
}

const counts = { passed: 0, failed: 0, skipped: 0, flaky: 0 }
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'))
  counts.passed += report.numPassedTests
  counts.failed += report.numFailedTests
  counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0)
}
for (const report of playwrightReports.filter((path) => existsSync(path))) {
  const { stats } = JSON.parse(readFileSync(report, 'utf8'))
  counts.passed += stats.expected + stats.flaky
  counts.flaky += stats.flaky
  counts.failed += stats.unexpected
  counts.skipped += stats.skipped
}
if (failedStep) console.log(`\n✖ step failed: ${failedStep}`)
if (counts.flaky > 0) console.log(`\n⚠ ${counts.flaky} end-to-end test(s) passed only on retry (flaky): see the list above`)
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
process.exit(failedStep || counts.failed > 0 ? 1 : 0)

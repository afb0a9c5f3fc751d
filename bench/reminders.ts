// Prints how long scheduling renewal reminders takes for 10,000 tokens and how much heap it adds (goal: ≤ 1 s,
// ≤ 50 MB): start-up (catch-up check + 40,000 planned reminders, the earliest armed), a change of offsets
// (every token rescheduled), one token regenerated, and close. The real timer, real state file in a temp folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { defaultSettings, type Instance, type Settings } from '@shared/contract'
import { createNodeNotifier } from '../electron/main/adapters/node-notifier'
import type { TokenSummary } from '../electron/main/core-context'
import { EventBus } from '../electron/main/services/event-bus'
import { ReminderScheduler } from '../electron/main/services/reminder-scheduler'
import { openReminderState } from '../electron/main/services/reminder-state'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const heapMb = () => {
  gc()
  gc()
  return process.memoryUsage().heapUsed / 1_048_576
}

const count = Number(process.env.BENCH_TOKENS ?? 10_000)
const DAY = 86_400_000
const now = Date.now()
const instances = new Map<string, Instance>()
const tokens = new Map<string, TokenSummary>()
for (let index = 0; index < count; index++) {
  const id = `inst-${index}`
  instances.set(id, { id, name: `Department ${index}`, kind: 'token-service', baseUrl: 'http://127.0.0.1:1/fd-api/v1', environment: 'production', isSandbox: false })
  // Spread expiries over the next year, created a year before each.
  const expiresAt = now + (1 + (index % 365)) * DAY + (index % 24) * 3_600_000
  tokens.set(id, { instanceId: id, hint: String(index % 10_000).padStart(4, '0'), createdAt: new Date(expiresAt - 365 * DAY).toISOString(), expiresAt: new Date(expiresAt).toISOString(), stored: true })
}
let settings: Settings = { ...defaultSettings }
const dir = mkdtempSync(join(tmpdir(), 'token-desk-bench-reminders-'))
const bus = new EventBus()
const notifier = createNodeNotifier()

const figures: string[] = []
// Wall time and this process's CPU time: on a busy machine (other builds and tests running) the CPU time is the
// fairer figure of what the work costs.
const time = <T>(label: string, run: () => T): T => {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const value = run()
  const { user, system } = process.cpuUsage(cpu)
  const wall = (performance.now() - started).toFixed(0).padStart(6)
  figures.push(`${label.padEnd(48)} ${wall} ms wall ${((user + system) / 1000).toFixed(0).padStart(6)} ms CPU`)
  return value
}

try {
  const heapBefore = heapMb()
  const scheduler = new ReminderScheduler({
    bus,
    tokens: { list: () => [...tokens.values()], get: (id) => tokens.get(id) },
    instances: { list: () => [...instances.values()], get: (id) => instances.get(id) },
    settings: { get: () => settings },
    integrationNames: () => [],
    notifier,
    state: openReminderState({ dir, now: () => new Date() }),
    now: () => new Date(),
  })
  const fired = time(`start: catch-up + schedule ${count.toLocaleString('en')} tokens`, () => scheduler.start())
  const jobs = scheduler.scheduled().length
  const heapAfter = heapMb()
  time('daily re-check (nothing changed)', () => scheduler.checkAll())
  time('offsets 90/30/7 → 60/14/3/1 (reschedule all)', () => {
    settings = { ...settings, reminderDays: [60, 14, 3, 1] }
    bus.emit('settings-changed', { settings, changed: ['reminderDays'] })
  })
  time('one token regenerated', () => {
    tokens.set('inst-7', { ...tokens.get('inst-7')!, createdAt: new Date().toISOString(), expiresAt: new Date(now + 365 * DAY).toISOString(), hint: 'zzzz' })
    bus.emit('token-changed', { instanceId: 'inst-7', change: 'regenerated', hint: 'zzzz', expiresAt: tokens.get('inst-7')!.expiresAt })
  })
  time('close (cancel every job)', () => scheduler.close())

  console.log(`Reminders benchmark — ${count.toLocaleString('en')} tokens, Node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`)
  for (const line of figures) console.log(`  ${line}`)
  console.log(`  jobs scheduled at start: ${jobs.toLocaleString('en')} (+ 1 daily re-check); fired at start: ${fired.length}`)
  console.log(`  extra heap after start: ${(heapAfter - heapBefore).toFixed(1)} MB (goal ≤ 50 MB); time goal ≤ 1,000 ms`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

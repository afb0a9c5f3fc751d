// Prints how long the integrations register and the activity log take at realistic sizes (5,000 integrations,
// a full 10,000-entry log) on real files in a temp folder. Figures only; nothing is asserted.
import { performance } from 'node:perf_hooks'
import { ActivityLog } from '../electron/main/services/activity-log'
import { EventBus } from '../electron/main/services/event-bus'
import { exportIntegrations, parseIntegrationsFile } from '../electron/main/services/integrations-transfer'
import {
  integration,
  manyRecords,
  registerFixture,
  tempDir,
} from '../tests/integration/integrations/fixtures'

const figures: [string, number, string?][] = []
function time<T>(label: string, run: () => T, note?: (value: T) => string): T {
  const started = performance.now()
  const value = run()
  figures.push([label, performance.now() - started, note?.(value)])
  return value
}

const count = 5_000
const fixture = registerFixture()
const extra = tempDir()
try {
  time(`import ${count} records (one write)`, () =>
    fixture.register.importRecords(manyRecords(count, ['inst-a', 'inst-b'])),
  )
  const loaded = time(`load ${count} from disk`, () => fixture.open())
  const all = time(
    'list all (sorted by name)',
    () => loaded.list(),
    (items) => `${items.length} items`,
  )
  time(
    'filter by instance',
    () => loaded.list({ instanceId: 'inst-a' }),
    (items) => `${items.length} items`,
  )
  time(
    'filter by status',
    () => loaded.list({ status: 'needs-update' }),
    (items) => `${items.length} items`,
  )
  time(`add one more (rewrites ${count})`, () => loaded.add(integration('inst-a', 'One more')))
  const options = { now: new Date(), instanceName: (id: string) => fixture.instances.get(id)?.name }
  const csv = time(
    'export CSV',
    () => exportIntegrations(all, 'csv', options),
    (file) => `${(file.text.length / 1024).toFixed(0)} KiB`,
  )
  const json = time(
    'export JSON',
    () => exportIntegrations(all, 'json', options),
    (file) => `${(file.text.length / 1024).toFixed(0)} KiB`,
  )
  time('import CSV into an empty register', () =>
    fixture.open(`${extra.dir}/csv`).importRecords(parseIntegrationsFile('csv', csv.text)),
  )
  time('import JSON into an empty register', () =>
    fixture.open(`${extra.dir}/json`).importRecords(parseIntegrationsFile('json', json.text)),
  )

  const bus = new EventBus()
  const log = new ActivityLog({ dir: `${extra.dir}/log`, bus })
  time('append 11,000 activity entries (one rotation)', () => {
    for (let n = 0; n < 11_000; n += 1)
      log.append({
        type: 'token.copied',
        instanceId: n % 2 ? 'inst-a' : 'inst-b',
        summary: `Copied token ${n}`,
      })
  })
  time('list activity: newest 200 of one instance', () => log.list({ instanceId: 'inst-a', limit: 200 }))
  time(
    'list activity: all 10,000',
    () => log.list(),
    (entries) => `${entries.length} entries`,
  )
  time('open a 10,000-entry log from disk', () => new ActivityLog({ dir: `${extra.dir}/log`, bus }))
} finally {
  fixture.cleanup()
  extra.cleanup()
}

for (const [label, ms, note] of figures)
  console.log(`${label.padEnd(48)} ${ms.toFixed(1).padStart(8)} ms${note ? `  (${note})` : ''}`)

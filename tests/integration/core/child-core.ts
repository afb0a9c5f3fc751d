/**
 * Runs one core in a fresh process (the embedded service's SQLite lock is per process, like a real app
 * restart), dispatches the calls given as JSON in argv[2], prints the results as one JSON line, closes.
 * Input: { dataDir, sandboxNow?, calls: [channel, payload][] }.
 */
import { createHeadlessAdapters } from '../../../electron/main/adapters/node-headless'
import { createCore } from '../../../electron/main/core'

type Input = { dataDir: string; sandboxNow?: string; calls: [string, unknown][] }
const input = JSON.parse(process.argv[2] ?? '{}') as Input

const core = await createCore({
  dataDir: input.dataDir,
  host: 'preview',
  sandboxNow: input.sandboxNow,
  modules: [],
  adapters: createHeadlessAdapters().adapters,
})
const results: unknown[] = []
for (const [channel, payload] of input.calls) results.push(await core.dispatch(channel, payload, { host: 'preview' }))
await core.close()
process.stdout.write(`${JSON.stringify(results)}\n`)

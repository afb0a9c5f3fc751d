/**
 * Child of bench/core.ts, bundled like the main process and loaded by core-boot.ts: builds the core over the
 * data folder in argv[2] (settings loaded, the sandbox instance, its embedded service listening), reads the
 * session from the keychain, prints "ready", then times the first session:get and prints "phases {…}".
 */
import { createHeadlessAdapters } from '../electron/main/adapters/node-headless'
import { createCore } from '../electron/main/core'

const loaded = performance.now()

async function main(dataDir: string): Promise<void> {
  const core = await createCore({ dataDir, host: 'preview', adapters: createHeadlessAdapters().adapters })
  const built = performance.now()
  const [sandbox] = core.context.instances.list()
  // A sandbox that failed to start would make the figure meaningless: say so instead.
  const info = await core.dispatch('app:info', {}, { host: 'preview' })
  if (!sandbox?.isSandbox || !info.ok || (info.value as { notices: unknown[] }).notices.length > 0) throw new Error(`the sandbox did not start: ${JSON.stringify(info)}`)
  await core.context.credentials.sessionToken(sandbox.id) // the keychain read
  const ready = performance.now()
  process.stdout.write('ready\n')
  const session = await core.dispatch('session:get', { instanceId: sandbox.id }, { host: 'preview' })
  if (!session.ok || (session.value as { state: string }).state !== 'signed-in') throw new Error(`session:get: ${JSON.stringify(session)}`)
  const phases = { load: loaded, createCore: built - loaded, keychainRead: ready - built, sessionGet: performance.now() - ready }
  process.stdout.write(`phases ${JSON.stringify(phases)}\n`)
  await core.close()
}

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: core-boot <dataDir>')
main(dataDir).catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

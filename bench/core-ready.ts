/**
 * Child of bench/core.ts: builds the core over the data folder in argv[2] (settings loaded, sandbox instance,
 * keychain read, embedded service listening), prints one line "ready {phases in ms}" and exits.
 */
export {}

const booted = performance.now()
const { createHeadlessAdapters } = await import('../electron/main/adapters/node-headless')
const { createCore } = await import('../electron/main/core')
const imported = performance.now()

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: core-ready <dataDir>')
const core = await createCore({
  dataDir,
  host: 'preview',
  adapters: createHeadlessAdapters().adapters,
})
const built = performance.now()
const [sandbox] = core.context.instances.list()
// A sandbox that failed to start would make the figure meaningless: say so instead.
if (!sandbox?.isSandbox) throw new Error(`no sandbox: ${JSON.stringify(await core.dispatch('app:info', {}, { host: 'preview' }))}`)
// The keychain read the first window needs: who is signed in (the session entry).
const session = sandbox ? await core.dispatch('session:get', { instanceId: sandbox.id }, { host: 'preview' }) : null
const ready = performance.now()
if (session && !session.ok) throw new Error(`session:get failed: ${session.error.code}`)
const phases = { boot: booted, imports: imported - booted, createCore: built - imported, sessionGet: ready - built }
process.stdout.write(`ready ${JSON.stringify(phases)}\n`)
await core.close()

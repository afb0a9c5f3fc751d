// `npm run dev:web`: Token Desk in the browser. The real core in Node (embedded sandbox service, the real
// keychain, settings in --data), the built renderer, and a WebSocket bridge for window.tokenDesk.
// Prints exactly one line on stdout: `preview on http://127.0.0.1:PORT/?key=KEY`. Logs go to stderr.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import pino from 'pino'
import { createCore } from '../main/core'
import { createPreviewAdapters } from './adapters'
import { buildApp, rendererIsStale } from './build-renderer'
import { defaultDataDir } from './data-dir'
import { PageLink } from './page-link'
import { startPreviewServer } from './server'

const usage = `usage: npm run dev:web -- [--port N] [--data DIR] [--now ISO] [--no-build]
  --port N     port on 127.0.0.1 (0 = a free one; default 0)
  --data DIR   data folder (default: the desktop app's, ${defaultDataDir()})
  --now ISO    start the embedded sandbox service's clock at ISO (for demos and expiry tests)
  --no-build   serve out/renderer as it is (default: rebuild it when the sources are newer)`

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      now: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.error(usage)
    return process.exit(0)
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0-65535, not ${values.port}`)
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now)))
    throw new Error(`--now must be an ISO date, not ${values.now}`)

  const log = pino(
    { name: 'token-desk-preview', level: process.env.LOG_LEVEL ?? 'warn' },
    pino.destination(2),
  )
  const projectRoot = resolve(import.meta.dirname, '..', '..')
  const rendererDir = resolve(projectRoot, 'out', 'renderer')
  if (!values['no-build'] && rendererIsStale(projectRoot, rendererDir)) buildApp(projectRoot)

  const link = new PageLink()
  const adapters = createPreviewAdapters(link, log)
  const core = await createCore({
    dataDir: resolve(values.data ?? defaultDataDir()),
    adapters,
    host: 'preview',
    log,
    ...(values.now ? { sandboxNow: new Date(values.now).toISOString() } : {}),
  })
  const server = await startPreviewServer({ core, link, rendererDir, port, log })
  process.stdout.write(`preview on ${server.url}\n`)

  let closing = false
  const shutdown = async () => {
    if (closing) return
    closing = true
    await server.close()
    await core.close()
    adapters.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown())
  process.on('SIGTERM', () => void shutdown())
}

main().catch((error: unknown) => {
  console.error(`token-desk preview: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

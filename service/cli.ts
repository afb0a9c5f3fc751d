// `npm run service -- [--host] [--port] [--db] [--seed demo] [--demo-password] [--now] [--auth-errors]`
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createTokenService, DatabaseInUseError, type TokenServiceOptions } from './app'

const DEFAULT_DB = resolve('data', 'token-service.db')

function fail(message: string): never {
  process.stderr.write(`token service: ${message}\n`)
  process.exit(1)
}

function parseOptions(argv: string[]): TokenServiceOptions {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '4780' },
        db: { type: 'string', default: DEFAULT_DB },
        seed: { type: 'string' },
        'demo-password': { type: 'string' },
        now: { type: 'string' },
        'auth-errors': { type: 'string', default: 'standard' },
      },
    }))
  } catch (error) {
    fail((error as Error).message)
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535) fail(`--port must be 0–65535, not ${values.port}`)
  if (values.seed !== undefined && values.seed !== 'demo')
    fail(`--seed takes only "demo", not ${values.seed}`)
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now)))
    fail(`--now must be an ISO 8601 time, not ${values.now}`)
  const authErrors = values['auth-errors']
  if (authErrors !== 'standard' && authErrors !== 'first-due')
    fail(`--auth-errors must be standard or first-due, not ${authErrors}`)
  return {
    host: values.host,
    port,
    dbPath: resolve(values.db),
    seed: values.seed === 'demo' ? 'demo' : null,
    demoPassword: values['demo-password'],
    now: values.now,
    authErrors,
    logger: true,
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  let service
  try {
    service = createTokenService(options)
  } catch (error) {
    if (error instanceof DatabaseInUseError) fail(error.message)
    throw error
  }
  const origin = await service.listen()
  process.stdout.write(`listening on ${origin}\n`)
  // Printed once, by the CLI only, and only when generated: a given password is already known.
  if (options.seed === 'demo' && options.demoPassword === undefined) {
    process.stdout.write(`demo password (every demo user): ${service.demoPassword}\n`)
  }

  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    service.close().then(
      () => process.exit(0),
      (error: unknown) => fail(`failed to close cleanly: ${(error as Error).message}`),
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => fail((error as Error).message))

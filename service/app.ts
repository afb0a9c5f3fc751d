import type { AddressInfo } from 'node:net'
import type { DestinationStream } from 'pino'
import { createAuthenticator } from './auth'
import { createClock, type Clock } from './clock'
import type { ServiceContext } from './context'
import { createDataPages } from './data-pages'
import { openStore, type Store } from './db/store'
import type { AuthErrorStyle } from './http-errors'
import { createLastUsedTracker } from './last-used'
import { createLogger } from './logger'
import { API_BASE } from './permissions'
import { createUserDirectory } from './principals'
import { newDemoPassword } from './secrets'
import { seedDemo, setDemoPassword } from './seed'
import { precompiledCompilers, type SchemaCompilers } from './schema-compilers'
import { buildServer } from './server'
import { createSignInLock } from './sign-in-lock'
import { createUserTokens } from './user-tokens'

export { DatabaseInUseError } from './db/open'
export type { AuthErrorStyle } from './http-errors'
export type { Clock } from './clock'

export interface TokenServiceOptions {
  /** The SQLite file (created if missing). One service owns it: a second one throws DatabaseInUseError. */
  dbPath: string
  /** Default 127.0.0.1. */
  host?: string
  /** Default 0: a free port. */
  port?: number
  /** 'demo' fills an empty database with Demo Fire Rescue (no-op once seeded). */
  seed?: 'demo' | null
  /** Every demo user's password (with seed 'demo'); generated when absent. */
  demoPassword?: string
  /**
   * With seed 'demo' on a database seeded before: leave the demo users' passwords as they are (no hashing at
   * start-up; `demoPassword` is then null). An embedder that keeps the password elsewhere sets this.
   */
  keepDemoPassword?: boolean
  /** The clock starts here and then runs in real time. */
  now?: string | Date
  /** A fully controlled clock (tests); overrides `now`. */
  clock?: Clock
  /** 'first-due' answers every 401/403 as 403 { message: "Forbidden" }. Default 'standard'. */
  authErrors?: AuthErrorStyle
  /** JSON logs (pino, secrets redacted) to stderr or `logStream`. Default false. */
  logger?: boolean
  /** Where logs go when `logger` is on (default stderr). */
  logStream?: DestinationStream
  /** Fastify's schema compilers: default the generated ones (schema-compilers.ts); the generator records its own. */
  compilers?: SchemaCompilers
}

export interface TokenService {
  /** Starts listening; resolves to the origin, e.g. http://127.0.0.1:43123. */
  listen(): Promise<string>
  /** Stops accepting requests, writes pending last-used times, releases the database. Idempotent. */
  close(): Promise<void>
  readonly origin: string | null
  /** origin + '/fd-api/v1' */
  readonly baseUrl: string | null
  /** The demo users' password (given or generated) — for the embedding app only, never printed here. */
  readonly demoPassword: string | null
  /** Gives every demo user this password (an embedder whose kept copy was lost). */
  setDemoPassword(password: string): void
}

const originOf = (address: AddressInfo): string =>
  `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`

/** Builds the token service synchronously: the database is opened, locked, migrated and seeded here. */
export function createTokenService(options: TokenServiceOptions): TokenService {
  const clock = createClock(options)
  const store = openStore(options.dbPath)
  try {
    return serve(options, clock, store)
  } catch (error) {
    store.close() // release the file for the next attempt
    throw error
  }
}

function serve(options: TokenServiceOptions, clock: Clock, store: Store): TokenService {
  let demoPassword: string | null = null
  if (options.seed === 'demo') {
    const seededNow = seedDemo(store, clock)
    if (seededNow || !options.keepDemoPassword) {
      demoPassword = options.demoPassword ?? newDemoPassword()
      setDemoPassword(store, demoPassword)
    }
  }
  const users = createUserDirectory(store)
  const auth = createAuthenticator(store, users, clock)
  const lastUsed = createLastUsedTracker(store)
  const context: ServiceContext = {
    store,
    clock,
    auth,
    users,
    lastUsed,
    userTokens: createUserTokens(store, auth, lastUsed, clock),
    signInLock: createSignInLock(clock),
    pages: createDataPages(store),
  }
  const app = buildServer(context, {
    authErrors: options.authErrors ?? 'standard',
    logger: options.logger ? createLogger(options.logStream) : null,
    compilers: options.compilers ?? precompiledCompilers(),
  })

  let origin: string | null = null
  let closing: Promise<void> | null = null

  return {
    async listen() {
      if (origin) return origin
      await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 })
      lastUsed.start()
      origin = originOf(app.server.address() as AddressInfo)
      return origin
    },
    close() {
      closing ??= (async () => {
        try {
          await app.close()
        } finally {
          lastUsed.stop()
          store.close()
          origin = null
        }
      })()
      return closing
    },
    get origin() {
      return origin
    },
    get baseUrl() {
      return origin && origin + API_BASE
    },
    get demoPassword() {
      return demoPassword
    },
    setDemoPassword(password) {
      setDemoPassword(store, password)
      demoPassword = password
    },
  }
}

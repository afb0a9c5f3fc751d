// Shared set-up for the token-service tests: a real service on 127.0.0.1 port 0, a real SQLite file in a
// temp folder, a clock the test moves by hand, and a small HTTP helper.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTokenService, type TokenService, type TokenServiceOptions } from '../../../service/app'

export const DEMO_PASSWORD = 'correct horse battery staple'
export const DEMO_EMAILS = { admin: 'admin@demo.test', api: 'api@demo.test', crew: 'crew@demo.test' } as const
export type DemoUser = keyof typeof DEMO_EMAILS

export interface ManualClock {
  clock: () => Date
  set(iso: string): void
  advance(ms: number): void
}

export function manualClock(startIso: string): ManualClock {
  let now = Date.parse(startIso)
  return {
    clock: () => new Date(now),
    set: (iso) => void (now = Date.parse(iso)),
    advance: (ms) => void (now += ms),
  }
}

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'token-service-test-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export interface Reply {
  status: number
  headers: Headers
  text: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response fields
  json: any
}

export interface CallOptions {
  token?: string
  body?: unknown
  /** Sent as is (with the JSON content type unless `headers` says otherwise). */
  rawBody?: string | Buffer
  headers?: Record<string, string>
}

/** One HTTP call against `base` (…/fd-api/v1). */
export async function call(
  base: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {}
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`
  let body: string | Buffer | undefined
  if (options.body !== undefined || options.rawBody !== undefined) {
    headers['content-type'] = 'application/json'
    body = options.rawBody ?? JSON.stringify(options.body)
  }
  Object.assign(headers, options.headers)
  const response = await fetch(base + path, { method, headers, body })
  const text = await response.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  return { status: response.status, headers: response.headers, text, json }
}

export interface Running {
  service: TokenService
  base: string
  dbPath: string
  time: ManualClock
  call(method: string, path: string, options?: CallOptions): Promise<Reply>
  signIn(user: DemoUser): Promise<string>
  /** A session for `user` and a freshly generated user token. */
  generate(session: string): Promise<string>
  stop(): Promise<void>
}

/**
 * A database seeded once per test process and copied for each fresh service: seeding hashes three demo
 * passwords with scrypt, which would otherwise dominate the suite's CPU time.
 */
let seededTemplate: string | null = null
async function seededCopy(target: string): Promise<void> {
  if (!seededTemplate) {
    const dir = tempDir()
    process.on('exit', () => dir.remove())
    const path = join(dir.path, 'seeded.db')
    const seeding = createTokenService({ dbPath: path, seed: 'demo', demoPassword: DEMO_PASSWORD, now: '2026-03-10T12:00:00.000Z' })
    await seeding.close()
    seededTemplate = path
  }
  copyFileSync(seededTemplate, target)
}

/** Starts a seeded service on a fresh (or given) database file; `stop` closes it and removes the folder. */
export async function startService(
  options: Partial<TokenServiceOptions> & { start?: string; dir?: string } = {},
): Promise<Running> {
  const dir = options.dir ? null : tempDir()
  const dbPath = options.dbPath ?? join(options.dir ?? (dir as { path: string }).path, 'tokens.db')
  const time = manualClock(options.start ?? '2026-03-10T12:00:00.000Z')
  // A fresh file with the default demo seed starts as a copy of the seeded template (same data, same password).
  const fresh = dir !== null && options.dbPath === undefined
  const copyTemplate = fresh && options.seed === undefined && options.demoPassword === undefined
  if (copyTemplate) await seededCopy(dbPath)
  const service = createTokenService({
    seed: copyTemplate ? null : 'demo',
    demoPassword: DEMO_PASSWORD,
    clock: time.clock,
    ...options,
    dbPath,
  })
  await service.listen()
  const base = service.baseUrl as string
  const running: Running = {
    service,
    base,
    dbPath,
    time,
    call: (method, path, callOptions) => call(base, method, path, callOptions),
    async signIn(user) {
      const reply = await call(base, 'POST', '/auth/token', {
        body: { grant_type: 'client_credentials', email: DEMO_EMAILS[user], password: DEMO_PASSWORD },
      })
      if (reply.status !== 200) throw new Error(`sign-in as ${user} failed: ${reply.status} ${reply.text}`)
      return reply.json.access_token as string
    },
    async generate(session) {
      const reply = await call(base, 'POST', '/user-token', { token: session })
      if (reply.status !== 201) throw new Error(`generate failed: ${reply.status} ${reply.text}`)
      return reply.json.token as string
    },
    async stop() {
      await service.close()
      dir?.remove()
    },
  }
  return running
}

// Every authenticated endpoint × every kind of caller → exactly the documented status and code. The state
// is built once (a template database), then each endpoint gets its own copy, so no cell depends on another.
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuthErrorStyle } from '../../../service/app'
import { startService, tempDir } from './harness'

const T0 = '2026-01-05T08:00:00.000Z'
const T1 = '2027-02-10T08:00:00.000Z' // > 1 year after T0: T0's tokens and sessions have expired

type Caller =
  'none' | 'bad' | 'revoked' | 'expiredToken' | 'expiredSession' | 'userToken' | 'crew' | 'api' | 'admin'
/** Callers in the order the cells run: the ones whose success changes state come last. */
const CALLERS: Caller[] = [
  'none',
  'bad',
  'revoked',
  'expiredToken',
  'expiredSession',
  'userToken',
  'crew',
  'api',
  'admin',
]
type Outcome = [status: number, code?: string, requiredPermission?: string]

const FAILURES: Record<'none' | 'bad' | 'revoked' | 'expiredToken' | 'expiredSession', Outcome> = {
  none: [401, 'token_missing'],
  bad: [401, 'token_invalid'],
  revoked: [401, 'token_invalid'],
  expiredToken: [401, 'token_expired'],
  expiredSession: [401, 'token_expired'],
}
/** T0's token expires a year later, T0's session 14 days later. */
const EXPIRED_AT = { expiredToken: '2027-01-05T08:00:00.000Z', expiredSession: '2026-01-19T08:00:00.000Z' }
const SESSION_REQUIRED: Outcome = [403, 'session_required']
const denied = (permission: string): Outcome => [403, 'permission_denied', permission]

interface Row {
  method: string
  path: string
  body?: unknown
  expect: Record<'userToken' | 'crew' | 'api' | 'admin', Outcome>
}

// State at T1: admin holds an expired token, api an active one (its earlier token revoked), crew none.
const ROWS: Row[] = [
  { method: 'GET', path: '/me', expect: { userToken: [200], crew: [200], api: [200], admin: [200] } },
  {
    method: 'GET',
    path: '/user-token',
    expect: { userToken: SESSION_REQUIRED, crew: [200], api: [200], admin: [200] },
  },
  {
    method: 'POST',
    path: '/user-token',
    expect: {
      userToken: SESSION_REQUIRED,
      crew: [403, 'api_access_disabled'],
      api: [409, 'token_exists'],
      admin: [409, 'token_exists'],
    },
  },
  {
    method: 'POST',
    path: '/user-token/regenerate',
    expect: { userToken: SESSION_REQUIRED, crew: [403, 'api_access_disabled'], api: [201], admin: [201] },
  },
  {
    method: 'DELETE',
    path: '/user-token',
    expect: { userToken: SESSION_REQUIRED, crew: [404, 'no_token'], api: [204], admin: [204] },
  },
  { method: 'GET', path: '/personnel', expect: { userToken: [200], crew: [200], api: [200], admin: [200] } },
  {
    method: 'GET',
    path: '/dispatches',
    expect: { userToken: [200], crew: denied('dispatches.read'), api: [200], admin: [200] },
  },
  {
    method: 'GET',
    path: '/fire-incidents',
    expect: {
      userToken: denied('fire_incidents.read'),
      crew: denied('fire_incidents.read'),
      api: denied('fire_incidents.read'),
      admin: [200],
    },
  },
  {
    method: 'GET',
    path: '/stations',
    expect: { userToken: [200], crew: denied('stations.read'), api: [200], admin: [200] },
  },
  {
    method: 'GET',
    path: '/users',
    expect: {
      userToken: SESSION_REQUIRED,
      crew: denied('users.read'),
      api: denied('users.read'),
      admin: [200],
    },
  },
  {
    method: 'PATCH',
    path: '/users/3',
    body: { api_access_enabled: false },
    expect: {
      userToken: SESSION_REQUIRED,
      crew: denied('users.manage'),
      api: denied('users.manage'),
      admin: [200],
    },
  },
  {
    method: 'GET',
    path: '/audit/events',
    expect: {
      userToken: SESSION_REQUIRED,
      crew: denied('audit.read'),
      api: denied('audit.read'),
      admin: [200],
    },
  },
  {
    method: 'DELETE',
    path: '/auth/token',
    expect: { userToken: SESSION_REQUIRED, crew: [204], api: [204], admin: [204] },
  },
]

describe('token service: authorization matrix', () => {
  const dir = tempDir()
  const template = join(dir.path, 'template.db')
  const secrets = {} as Record<Exclude<Caller, 'none'>, string>

  beforeAll(async () => {
    const svc = await startService({ dbPath: template, start: T0 })
    const adminAtT0 = await svc.signIn('admin')
    secrets.expiredToken = await svc.generate(adminAtT0)
    secrets.expiredSession = await svc.signIn('api')
    secrets.revoked = await svc.generate(secrets.expiredSession)
    svc.time.set(T1)
    secrets.admin = await svc.signIn('admin')
    secrets.api = await svc.signIn('api')
    secrets.crew = await svc.signIn('crew')
    const regenerated = await svc.call('POST', '/user-token/regenerate', { token: secrets.api })
    secrets.userToken = regenerated.json.token
    secrets.bad = 'fdt_' + 'A'.repeat(43)
    await svc.stop()
  })
  afterAll(() => dir.remove())

  async function runRow(row: Row, style: AuthErrorStyle, index: number): Promise<void> {
    const dbPath = join(dir.path, `${style}-${index}.db`)
    copyFileSync(template, dbPath)
    if (existsSync(`${template}-wal`)) copyFileSync(`${template}-wal`, `${dbPath}-wal`)
    const svc = await startService({ dbPath, seed: null, start: T1, authErrors: style })
    try {
      for (const caller of CALLERS) {
        const token = caller === 'none' ? undefined : secrets[caller]
        const reply = await svc.call(row.method, row.path, { token, body: row.body })
        const [status, code, permission] =
          caller in FAILURES
            ? FAILURES[caller as keyof typeof FAILURES]
            : row.expect[caller as keyof Row['expect']]
        const cell = `${row.method} ${row.path} as ${caller}`
        if (style === 'first-due' && status >= 401 && status <= 403) {
          expect([cell, reply.status, reply.json]).toEqual([cell, 403, { message: 'Forbidden' }])
          continue
        }
        expect([cell, reply.status, code === undefined ? undefined : reply.json?.code]).toEqual([
          cell,
          status,
          code,
        ])
        if (permission) expect([cell, reply.json.required_permission]).toEqual([cell, permission])
        if (code === 'token_expired')
          expect([cell, reply.json.expired_at]).toEqual([cell, EXPIRED_AT[caller as keyof typeof EXPIRED_AT]])
      }
    } finally {
      await svc.stop()
    }
  }

  ROWS.forEach((row, index) => {
    it(`${row.method} ${row.path}`, async () => runRow(row, 'standard', index))
  })

  // --auth-errors first-due: every 401 and 403 above becomes 403 { message: "Forbidden" }; the rest is unchanged.
  ROWS.forEach((row, index) => {
    it(`${row.method} ${row.path} (--auth-errors first-due)`, async () => runRow(row, 'first-due', index))
  })

  it('unauthenticated endpoints need no token', async () => {
    const dbPath = join(dir.path, 'open.db')
    copyFileSync(template, dbPath)
    const svc = await startService({ dbPath, seed: null, start: T1 })
    try {
      expect((await svc.call('GET', '/endpoints')).status).toBe(200)
      expect((await svc.call('GET', '/openapi.json')).status).toBe(200)
    } finally {
      await svc.stop()
    }
  })
})

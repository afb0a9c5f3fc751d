import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelResponse, Instance, Result, SessionView, TokenView } from '@shared/contract'
import { createKeyringSecretStore, secretAccounts } from '../../../electron/main/services/secret-store'
import { errorOf, keyringAccounts, removeDir, runChildCore, startSandboxCore, tempDir, value, type TestCore } from './helpers'

const secrets = createKeyringSecretStore()
const sessionTokenOf = async (instanceId: string) => {
  const raw = await secrets.get(secretAccounts.session(instanceId))
  return raw ? (JSON.parse(raw) as { token: string }).token : null
}
const meStatus = async (baseUrl: string, token: string) => (await fetch(`${baseUrl}/me`, { headers: { authorization: `Bearer ${token}` } })).status

describe('sessions', () => {
  const dataDir = tempDir()
  let core: TestCore
  let sandboxId = ''
  let baseUrl = ''

  beforeAll(async () => {
    ;({ core, sandboxId, baseUrl } = await startSandboxCore({ dataDir }))
  })
  afterAll(async () => {
    await core?.close()
    removeDir(dataDir)
  })

  it('signs in as another demo user, ending the replaced session on the service', async () => {
    const before = (await sessionTokenOf(sandboxId))!
    const view = value(await core.call('session:signInDemo', { instanceId: sandboxId, user: 'admin' }))
    expect(view).toMatchObject({ state: 'signed-in', user: { email: 'admin@demo.test', apiAccessEnabled: true } })
    expect(view.user?.permissions).toContain('users.manage')
    const after = (await sessionTokenOf(sandboxId))!
    expect(after).not.toBe(before)
    expect(await meStatus(baseUrl, before)).toBe(401)
    expect(await meStatus(baseUrl, after)).toBe(200)
  })

  it('a user without API access gets api_access_disabled when generating', async () => {
    value(await core.call('session:signInDemo', { instanceId: sandboxId, user: 'crew' }))
    const failure = errorOf(await core.call('token:generate', { instanceId: sandboxId }))
    expect(failure.code).toBe('api_access_disabled')
    expect(failure.message).toMatch(/API access is disabled/)
  })

  it('signs out: the service rejects the session and the keychain entry is gone', async () => {
    const token = (await sessionTokenOf(sandboxId))!
    const view = value(await core.call('session:signOut', { instanceId: sandboxId }))
    expect(view).toMatchObject({ state: 'signed-out', user: null, demoUsers: ['admin', 'api', 'crew'] })
    expect(await meStatus(baseUrl, token)).toBe(401)
    expect(keyringAccounts()).not.toContain(secretAccounts.session(sandboxId))
    expect(errorOf(await core.call('token:status', { instanceId: sandboxId })).code).toBe('signed_out')
    expect(errorOf(await core.call('token:generate', { instanceId: sandboxId })).code).toBe('signed_out')
  })

  it('offers demo sign-in only on the sandbox; another token-service instance signs in with a password', async () => {
    const other = value(await core.call('instances:add', { name: 'Same service, by address', kind: 'token-service', baseUrl, environment: 'training' }))
    expect(other.isSandbox).toBe(false)
    expect(value(await core.call('session:get', { instanceId: other.id }))).toMatchObject({ state: 'signed-out', demoUsers: [] })
    expect(errorOf(await core.call('session:signInDemo', { instanceId: other.id, user: 'api' })).code).toBe('unsupported')
    const password = (await secrets.get(secretAccounts.demoPassword(sandboxId)))!
    expect(value(await core.call('session:signIn', { instanceId: other.id, email: 'api@demo.test', password })).state).toBe('signed-in')
    expect(keyringAccounts()).toContain(secretAccounts.session(other.id))
    // The password itself is never kept for an instance.
    expect(keyringAccounts()).not.toContain(secretAccounts.demoPassword(other.id))
    value(await core.call('instances:remove', { id: other.id }))
    expect(keyringAccounts()).not.toContain(secretAccounts.session(other.id))
  })

  it('First Due tenants have no sign-in', async () => {
    const tenant = value(
      await core.call('instances:add', { name: 'Tenant', kind: 'first-due', baseUrl: 'https://sizeup.firstduesizeup.com/fd-api/v1', environment: 'production' }),
    )
    expect(value(await core.call('session:get', { instanceId: tenant.id }))).toMatchObject({ state: 'signed-out', demoUsers: [] })
    const failure = errorOf(await core.call('session:signIn', { instanceId: tenant.id, email: 'a@b.test', password: 'x' }))
    expect(failure.code).toBe('unsupported')
    value(await core.call('instances:remove', { id: tenant.id }))
  })

  it('rejects a wrong password, then locks the email with a retry time — even for the right password', async () => {
    value(await core.call('session:signInDemo', { instanceId: sandboxId, user: 'api' }))
    const attempt = (password: string) => core.call('session:signIn', { instanceId: sandboxId, email: 'crew@demo.test', password })
    for (let i = 0; i < 5; i += 1) expect(errorOf(await attempt(`wrong-${i}`)).code).toBe('invalid_credentials')
    const demoPassword = (await secrets.get(secretAccounts.demoPassword(sandboxId)))!
    const locked = errorOf(await attempt(demoPassword))
    expect(locked.code).toBe('rate_limited')
    expect(locked.details?.retry_after).toBeGreaterThan(0)
    expect(locked.message).toMatch(/try again in \d+ seconds/i)
    // The current session is untouched by failed sign-ins.
    expect(value(await core.call('session:get', { instanceId: sandboxId })).state).toBe('signed-in')
  })

  it('a demo password lost from the keychain is renewed at the next demo sign-in, on the service too', async () => {
    const account = secretAccounts.demoPassword(sandboxId)
    const old = (await secrets.get(account))!
    await secrets.delete(account)
    // (crew@demo.test is locked by the test before.)
    value(await core.call('session:signInDemo', { instanceId: sandboxId, user: 'api' }))
    const renewed = await secrets.get(account)
    expect(renewed).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(renewed).not.toBe(old)
    const signIn = (password: string) => fetch(`${baseUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', email: 'admin@demo.test', password }),
    })
    expect((await signIn(renewed!)).status).toBe(200)
    expect((await signIn(old)).status).toBe(401)
  })

  it('an expired session surfaces as "sign in again", across a restart 15 days later', () => {
    // Both runs are processes of their own, as real app starts are (and the service's file lock is per process).
    const ownDir = tempDir()
    try {
      const [first] = runChildCore({ dataDir: ownDir, calls: [['instances:list', {}]] }) as [Result<Instance[]>]
      const instanceId = value(first)[0]!.id
      const later = new Date(Date.now() + 15 * 86_400_000).toISOString()
      const [info, session, status, signIn] = runChildCore({
        dataDir: ownDir,
        sandboxNow: later,
        calls: [
          ['app:info', {}],
          ['session:get', { instanceId }],
          ['token:status', { instanceId }],
          ['session:signInDemo', { instanceId, user: 'api' }],
        ],
      }) as [Result<ChannelResponse<'app:info'>>, Result<SessionView>, Result<TokenView>, Result<SessionView>]
      expect(value(info).notices).toEqual([])
      expect(value(session).state).toBe('expired')
      const failure = errorOf(status)
      expect(failure.code).toBe('session_expired')
      expect(failure.message).toMatch(/sign in again/i)
      expect(value(signIn).state).toBe('signed-in')
    } finally {
      removeDir(ownDir)
    }
  })
})

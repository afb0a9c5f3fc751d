import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppFailure, type EventName } from '@shared/contract'
import { nodeHttp } from '../../../electron/main/adapters/node-http'
import type { HttpFetch } from '../../../electron/main/adapters/types'
import { createKeyringSecretStore, secretAccounts, type SecretStore } from '../../../electron/main/services/secret-store'
import { errorOf, keyringAccounts, removeDir, startSandboxCore, tempDir, testAdapters, value, type TestCore } from './helpers'

const realSecrets = createKeyringSecretStore()

/** The real keychain, except that it refuses to store user tokens while `refuse` is on (after the write check). */
function refusingStore(real: SecretStore) {
  const control = { refuse: false }
  const store: SecretStore = {
    ...real,
    async set(account, secret) {
      if (control.refuse && account.endsWith('/user-token')) throw new AppFailure('keychain_write_failed', 'The system keychain refused to save the secret.')
      return real.set(account, secret)
    },
  }
  return { store, control }
}

/**
 * Real fetch with network faults switched on per test: `offline` fails every call like a dropped network;
 * `slow` holds matching requests — `before` the service sees them, or `after` it answered — past the timeout.
 */
function faultyHttp() {
  const faults: { offline: boolean; slow: null | { path: string; when: 'before' | 'after' } } = { offline: false, slow: null }
  const wait = (signal: AbortSignal | null | undefined) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, 10_000)
      signal?.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(signal.reason)
      })
    })
  const http: HttpFetch = async (url, init) => {
    if (faults.offline) throw new TypeError('fetch failed', { cause: new Error('connect ENETUNREACH') })
    const slow = faults.slow && url.endsWith(faults.slow.path) && init?.method === 'POST' ? faults.slow.when : null
    if (slow === 'before') await wait(init?.signal)
    const response = await nodeHttp(url, init)
    if (slow === 'after') await wait(init?.signal)
    return response
  }
  return { http, faults }
}

async function serviceSession(baseUrl: string, password: string) {
  const response = await fetch(`${baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', email: 'api@demo.test', password }),
  })
  return ((await response.json()) as { access_token: string }).access_token
}

describe('faults: keychain refusals, tokens replaced elsewhere, timeouts, offline', () => {
  const dataDir = tempDir()
  const { store, control } = refusingStore(realSecrets)
  const { http, faults } = faultyHttp()
  const events: EventName[] = []
  let core: TestCore
  let sandboxId = ''
  let baseUrl = ''

  beforeAll(async () => {
    ;({ core, sandboxId, baseUrl } = await startSandboxCore({ dataDir, secretStore: store, adapters: testAdapters(http).adapters, httpTimeoutMs: 1_500 }))
    core.onRendererEvent((event) => events.push(event))
  })
  afterAll(async () => {
    await core?.close()
    removeDir(dataDir)
  })

  it('returns the token once, marked not saved, when the keychain refuses it after the service made it', async () => {
    control.refuse = true
    const change = value(await core.call('token:generate', { instanceId: sandboxId }))
    control.refuse = false
    expect(change.unsavedToken).toMatch(/^fdt_/)
    expect(change.view).toMatchObject({ stored: false, status: 'active', hint: change.unsavedToken!.slice(-4) })
    expect(keyringAccounts()).not.toContain(secretAccounts.userToken(sandboxId))
    const me = await fetch(`${baseUrl}/me`, { headers: { authorization: `Bearer ${change.unsavedToken}` } })
    expect(me.status).toBe(200)
    // Never again: status and reveal do not have it.
    expect(value(await core.call('token:status', { instanceId: sandboxId }))).toMatchObject({ stored: false, replacedElsewhere: false })
    expect(errorOf(await core.call('token:reveal', { instanceId: sandboxId })).code).toBe('no_token')
    // Pasting the copy the user kept stores it.
    const pasted = value(await core.call('token:paste', { instanceId: sandboxId, token: change.unsavedToken!, expiresAt: change.view.expiresAt! }))
    expect(pasted).toMatchObject({ stored: true, replacedElsewhere: false })
    expect(value(await core.call('token:reveal', { instanceId: sandboxId })).token).toBe(change.unsavedToken)
  })

  it('detects a token regenerated elsewhere, says so once, and accepts the new one pasted', async () => {
    const password = (await realSecrets.get(secretAccounts.demoPassword(sandboxId)))!
    const elsewhere = await serviceSession(baseUrl, password)
    const response = await fetch(`${baseUrl}/user-token/regenerate`, { method: 'POST', headers: { authorization: `Bearer ${elsewhere}` } })
    const { token: newToken } = (await response.json()) as { token: string }
    events.length = 0

    const status = value(await core.call('token:status', { instanceId: sandboxId }))
    expect(status).toMatchObject({ replacedElsewhere: true, stored: true, hint: newToken.slice(-4), source: 'service' })
    expect(events.filter((event) => event === 'token:changed')).toHaveLength(1)
    value(await core.call('token:status', { instanceId: sandboxId }))
    expect(events.filter((event) => event === 'token:changed')).toHaveLength(1)

    const wrong = errorOf(await core.call('token:paste', { instanceId: sandboxId, token: 'fdt_not-the-token-at-all', expiresAt: status.expiresAt! }))
    expect(wrong.code).toBe('invalid_request')
    expect(wrong.message).toContain(newToken.slice(-4))
    const pasted = value(await core.call('token:paste', { instanceId: sandboxId, token: newToken, expiresAt: status.expiresAt! }))
    expect(pasted).toMatchObject({ replacedElsewhere: false, stored: true })
  })

  it('after a timeout where the service never got the request, says nothing changed', async () => {
    const before = value(await core.call('token:reveal', { instanceId: sandboxId })).token
    faults.slow = { path: '/user-token/regenerate', when: 'before' }
    const failure = errorOf(await core.call('token:regenerate', { instanceId: sandboxId }))
    faults.slow = null
    expect(failure).toMatchObject({ code: 'timeout', details: { changed: false } })
    expect(failure.message).toMatch(/nothing changed/)
    expect(value(await core.call('token:reveal', { instanceId: sandboxId })).token).toBe(before)
  })

  it('after a timeout where the service did regenerate, says the old token no longer works', async () => {
    faults.slow = { path: '/user-token/regenerate', when: 'after' }
    const failure = errorOf(await core.call('token:regenerate', { instanceId: sandboxId }))
    faults.slow = null
    expect(failure).toMatchObject({ code: 'timeout', details: { changed: true } })
    expect(failure.message).toMatch(/no longer works/)
    const status = value(await core.call('token:status', { instanceId: sandboxId }))
    expect(status.replacedElsewhere).toBe(true)
    // Regenerating again gives a token that is stored and works.
    const change = value(await core.call('token:regenerate', { instanceId: sandboxId }))
    expect(change.view).toMatchObject({ replacedElsewhere: false, stored: true })
  })

  it('offline, status comes from the cached metadata', async () => {
    const online = value(await core.call('token:status', { instanceId: sandboxId }))
    faults.offline = true
    const offline = value(await core.call('token:status', { instanceId: sandboxId }))
    const generate = errorOf(await core.call('token:regenerate', { instanceId: sandboxId }))
    faults.offline = false
    expect(offline).toMatchObject({ source: 'cache', hint: online.hint, expiresAt: online.expiresAt, createdAt: online.createdAt, stored: true })
    expect(generate.code).toBe('network')
    expect(core.context.tokens.get(sandboxId)).toMatchObject({ hint: online.hint, stored: true, expiresAt: online.expiresAt })
  })
})

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultSettings, type EventName } from '@shared/contract'
import { createKeyringSecretStore, secretAccounts } from '../../../electron/main/services/secret-store'
import { errorOf, keyringAccounts, removeDir, startCore, tempDir, testAdapters, value, type TestCore } from './helpers'

const secrets = createKeyringSecretStore()
const tenantInput = { name: 'Acme FD', kind: 'first-due', baseUrl: 'https://acme.firstdue.example/fd-api/v1', environment: 'production' } as const

describe('instances, First Due tenants, settings and app calls', () => {
  const dataDir = tempDir()
  const { adapters, opened } = testAdapters()
  const events: [EventName, unknown][] = []
  let core: TestCore

  beforeAll(async () => {
    core = await startCore({ dataDir, adapters })
    core.onRendererEvent((event, payload) => events.push([event, payload]))
  })
  afterAll(async () => {
    await core?.close()
    removeDir(dataDir)
  })

  it('adds, edits and validates instances', async () => {
    const tenant = value(await core.call('instances:add', tenantInput))
    expect(tenant).toMatchObject({ ...tenantInput, isSandbox: false })
    expect(events.at(-1)).toEqual(['instances:changed', {}])
    const renamed = value(await core.call('instances:update', { id: tenant.id, name: 'Acme Fire' }))
    expect(renamed).toMatchObject({ name: 'Acme Fire', baseUrl: tenantInput.baseUrl })
    for (const baseUrl of ['http://acme.example/fd-api/v1', 'https://acme.example/fd-api/v1/', 'https://acme.example/api']) {
      expect(errorOf(await core.call('instances:add', { ...tenantInput, baseUrl })).code).toBe('invalid_request')
    }
    expect(errorOf(await core.call('instances:update', { id: 'nope', name: 'x' })).code).toBe('not_found')
    const sandbox = value(await core.call('instances:list')).find((instance) => instance.isSandbox)!
    expect(errorOf(await core.call('instances:update', { id: sandbox.id, baseUrl: 'https://elsewhere.example/fd-api/v1' })).code).toBe('invalid_request')
    expect(value(await core.call('instances:update', { id: sandbox.id, name: 'My sandbox' })).baseUrl).toBe(sandbox.baseUrl)
    value(await core.call('instances:remove', { id: tenant.id }))
  })

  it('First Due tenants: no service calls, a pasted token with local status, remove deletes the local copy only', async () => {
    const tenant = value(await core.call('instances:add', tenantInput))
    expect(errorOf(await core.call('token:generate', { instanceId: tenant.id })).code).toBe('unsupported')
    const regenerate = errorOf(await core.call('token:regenerate', { instanceId: tenant.id }))
    expect(regenerate.code).toBe('unsupported')
    expect(regenerate.message).toMatch(/paste/)
    expect(value(await core.call('token:status', { instanceId: tenant.id }))).toMatchObject({ status: 'none', stored: false, source: 'cache' })

    const expiresAt = new Date(Date.now() + 20 * 86_400_000).toISOString()
    const token = 'fd-tenant-token-0123456789abcdefWXYZ'
    const pasted = value(await core.call('token:paste', { instanceId: tenant.id, token, expiresAt }))
    expect(pasted).toMatchObject({ status: 'expiring', stored: true, hint: 'WXYZ', expiresAt, source: 'cache' })
    expect(pasted.daysLeft).toBeGreaterThanOrEqual(19)
    expect(keyringAccounts()).toContain(secretAccounts.userToken(tenant.id))
    expect(value(await core.call('token:reveal', { instanceId: tenant.id })).token).toBe(token)

    const removed = value(await core.call('token:remove', { instanceId: tenant.id }))
    expect(removed).toMatchObject({ status: 'none', stored: false, hint: null })
    expect(keyringAccounts()).not.toContain(secretAccounts.userToken(tenant.id))

    value(await core.call('token:paste', { instanceId: tenant.id, token, expiresAt }))
    value(await core.call('instances:remove', { id: tenant.id }))
    expect(keyringAccounts().some((account) => account.startsWith(`${tenant.id}/`))).toBe(false)
    expect(core.context.tokens.get(tenant.id)).toBeUndefined()
    expect(errorOf(await core.call('token:status', { instanceId: tenant.id })).code).toBe('not_found')
  })

  it('removing the sandbox deletes its keychain entries; it is not recreated', async () => {
    const sandbox = value(await core.call('instances:list')).find((instance) => instance.isSandbox)!
    expect(await secrets.get(secretAccounts.demoPassword(sandbox.id))).not.toBeNull()
    value(await core.call('instances:remove', { id: sandbox.id }))
    expect(keyringAccounts().some((account) => account.startsWith(`${sandbox.id}/`))).toBe(false)
    expect(value(await core.call('instances:list'))).toEqual([])
  })

  it('settings: defaults, validated updates, a renderer event, a 0600 file', async () => {
    expect(value(await core.call('settings:get'))).toEqual(defaultSettings)
    const updated = value(await core.call('settings:update', { reminderDays: [60, 14], theme: 'dark' }))
    expect(updated).toMatchObject({ reminderDays: [60, 14], theme: 'dark' })
    expect(events.at(-1)).toEqual(['settings:changed', updated])
    expect(errorOf(await core.call('settings:update', { reminderDays: [7, 7] })).code).toBe('invalid_request')
    expect(errorOf(await core.call('settings:update', { clipboardClearSeconds: 1 })).code).toBe('invalid_request')
    expect(errorOf(await core.call('settings:update', { password: 'x' })).code).toBe('invalid_request')
    expect(statSync(join(dataDir, 'settings.json')).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ reminderDays: [60, 14] })
  })

  it('opens only allow-listed https links', async () => {
    expect(value(await core.call('app:openExternal', { url: 'https://www.firstdue.com/api' }))).toEqual({ opened: true })
    for (const url of ['http://www.firstdue.com', 'https://firstdue.com.evil.example', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(value(await core.call('app:openExternal', { url }))).toEqual({ opened: false })
    }
    expect(opened).toEqual(['https://www.firstdue.com/api'])
    expect(value(await core.call('app:info'))).toMatchObject({ host: 'preview', notices: [] })
  })
})

describe('a corrupted settings file', () => {
  it('is kept aside, defaults are loaded, and the user is told', async () => {
    const dataDir = tempDir()
    const garbage = '{"reminderDays": [90, 30'
    writeFileSync(join(dataDir, 'settings.json'), garbage)
    const core = await startCore({ dataDir })
    try {
      expect(value(await core.call('settings:get'))).toEqual(defaultSettings)
      const info = value(await core.call('app:info'))
      expect(info.notices).toHaveLength(1)
      expect(info.notices[0]).toMatchObject({ level: 'warning' })
      expect(info.notices[0]!.message).toMatch(/settings file could not be read .* kept as settings\.corrupt-.*\.json/)
      const kept = readdirSync(dataDir).filter((name) => name.startsWith('settings.corrupt-'))
      expect(kept).toHaveLength(1)
      expect(readFileSync(join(dataDir, kept[0]!), 'utf8')).toBe(garbage)
      value(await core.call('settings:update', { theme: 'light' }))
      expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).theme).toBe('light')
    } finally {
      await core.close()
      removeDir(dataDir)
    }
  })
})

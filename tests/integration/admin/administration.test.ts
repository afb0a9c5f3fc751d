import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminUserSchema } from '@shared/contract'
import { adminModule } from '../../../electron/main/modules/admin'
import { verificationModule } from '../../../electron/main/modules/verification'
import { demoEmails, generateToken, signIn, startService, statusWith, TestHost, testClient, type RunningService } from '../verification/fixture'

describe('administration against the real token service', () => {
  let service: RunningService
  let host: TestHost
  let app: ReturnType<TestHost['mount']>
  let apiUserId: string
  let adminUserId: string
  let apiToken: string

  beforeAll(async () => {
    service = await startService()
    host = new TestHost()
    host.addInstance('admin', service.baseUrl)
    host.sessions.set('admin', await signIn(service.baseUrl, 'admin'))
    host.addInstance('api', service.baseUrl)
    const apiSession = await signIn(service.baseUrl, 'api')
    host.sessions.set('api', apiSession)
    // Activity to audit: the api user generates, then regenerates its token.
    await generateToken(service.baseUrl, apiSession)
    const current = await testClient().regenerate(service.baseUrl, apiSession)
    apiToken = current.token
    host.storeToken('api', current.token, current.expiresAt)
    app = host.mount(adminModule, verificationModule)
  })
  afterAll(() => service.cleanup())

  it('an admin session lists the three demo users in camelCase, with token state and never a secret', async () => {
    const users = await app.value('admin:users', { instanceId: 'admin' })
    expect(users.map((user) => user.email).sort()).toEqual(Object.values(demoEmails).sort())
    for (const user of users) expect(adminUserSchema.safeParse(user).success).toBe(true)
    const byEmail = new Map(users.map((user) => [user.email, user]))
    const apiUser = byEmail.get('api@demo.test')
    expect(apiUser).toMatchObject({ apiAccessEnabled: true, canGenerateTokens: true, role: { name: 'API Integration' } })
    expect(apiUser?.token.status).toBe('active')
    expect(apiUser?.token.hint).toBe(apiToken.slice(-4))
    expect(byEmail.get('crew@demo.test')).toMatchObject({ apiAccessEnabled: false, canGenerateTokens: false, token: { status: 'none' } })
    expect(JSON.stringify(users).includes(apiToken)).toBe(false)
    apiUserId = apiUser?.id ?? ''
    adminUserId = byEmail.get('admin@demo.test')?.id ?? ''
  })

  it("disabling the api user's access revokes its token at the service; re-enabling gives access back", async () => {
    expect(await statusWith(service.baseUrl, apiToken)).toBe(200)
    const disabled = await app.value('admin:setApiAccess', { instanceId: 'admin', userId: apiUserId, enabled: false })
    expect(disabled).toMatchObject({ id: apiUserId, apiAccessEnabled: false, token: { status: 'none' } })
    expect(host.seen['admin-changed']?.at(-1)).toEqual({ instanceId: 'admin', userId: apiUserId, apiAccessEnabled: false })
    expect(await statusWith(service.baseUrl, apiToken)).toBe(401)
    // The api user's token card shows it when tested.
    expect((await app.value('token:test', { instanceId: 'api', endpoint: 'stations' })).outcome).toBe('invalid')

    const enabled = await app.value('admin:setApiAccess', { instanceId: 'admin', userId: apiUserId, enabled: true })
    expect(enabled.apiAccessEnabled).toBe(true)
    expect(host.seen['admin-changed']?.at(-1)).toEqual({ instanceId: 'admin', userId: apiUserId, apiAccessEnabled: true })
    // The revoked token stays revoked; the user can make a new one.
    expect(await statusWith(service.baseUrl, apiToken)).toBe(401)
    const fresh = await generateToken(service.baseUrl, await signIn(service.baseUrl, 'api'))
    expect(await statusWith(service.baseUrl, fresh.token)).toBe(200)
  })

  it('the audit lists generate, regenerate and disable events newest first', async () => {
    const events = await app.value('admin:audit', { instanceId: 'admin' })
    const types = events.map((event) => event.type)
    for (const type of ['token.generated', 'token.regenerated', 'api_access.disabled', 'api_access.enabled']) expect(types).toContain(type)
    const times = events.map((event) => Date.parse(event.at))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    // Newest first: the re-enable happened after the disable, which happened after the regenerate.
    expect(types.indexOf('api_access.enabled')).toBeLessThan(types.indexOf('api_access.disabled'))
    expect(types.indexOf('api_access.disabled')).toBeLessThan(types.indexOf('token.regenerated'))
    const disabled = events.find((event) => event.type === 'api_access.disabled')
    expect(disabled).toMatchObject({ actorId: adminUserId, subjectId: apiUserId })
  })

  it('filters the audit by type, by user and by limit', async () => {
    const generated = await app.value('admin:audit', { instanceId: 'admin', type: 'token.generated' })
    expect(generated.length).toBeGreaterThanOrEqual(2)
    expect(generated.every((event) => event.type === 'token.generated')).toBe(true)
    const byAdmin = await app.value('admin:audit', { instanceId: 'admin', userId: adminUserId })
    expect(byAdmin.length).toBeGreaterThan(0)
    expect(byAdmin.every((event) => event.actorId === adminUserId || event.subjectId === adminUserId)).toBe(true)
    expect(byAdmin.some((event) => event.type === 'token.regenerated')).toBe(false)
    expect(await app.value('admin:audit', { instanceId: 'admin', limit: 2 })).toHaveLength(2)
    expect(await app.value('admin:audit', { instanceId: 'admin', type: 'token.generated', limit: 1 })).toHaveLength(1)
  })

  it('exports the (filtered) audit as formula-safe CSV with user names', async () => {
    const file = await app.value('admin:exportAudit', { instanceId: 'admin', userId: apiUserId })
    expect(file.mimeType).toBe('text/csv')
    expect(file.filename).toMatch(/^audit-test-admin-\d{4}-\d{2}-\d{2}\.csv$/)
    const rows = parse(file.text, { bom: true }) as string[][]
    expect(rows[0]).toEqual(['at', 'type', 'actor_id', 'actor', 'subject_id', 'subject'])
    const expected = await app.value('admin:audit', { instanceId: 'admin', userId: apiUserId, limit: 500 })
    expect(rows.slice(1).map((row) => [row[0], row[1]])).toEqual(expected.map((event) => [event.at, event.type]))
    expect(rows.slice(1).every((row) => row[2] === apiUserId || row[4] === apiUserId)).toBe(true)
    expect(rows.some((row) => row[5]?.includes('<api@demo.test>'))).toBe(true)
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    expect(file.text.includes(apiToken)).toBe(false)
  })

  it('a user without users.read gets permission_denied naming it; signed out gets signed_out', async () => {
    const denied = await app.error('admin:users', { instanceId: 'api' })
    expect(denied.code).toBe('permission_denied')
    expect(denied.details?.required_permission).toBe('users.read')
    expect((await app.error('admin:setApiAccess', { instanceId: 'api', userId: apiUserId, enabled: false })).code).toBe('permission_denied')
    host.addInstance('signed-out', service.baseUrl)
    expect((await app.error('admin:audit', { instanceId: 'signed-out' })).code).toBe('signed_out')
  })

  it('an unknown user id is not_found; a first-due tenant has no administration API', async () => {
    expect((await app.error('admin:setApiAccess', { instanceId: 'admin', userId: 'no-such-user', enabled: true })).code).toBe('not_found')
    host.addInstance('tenant', 'https://tenant.invalid/fd-api/v1', 'first-due')
    const unsupported = await app.error('admin:users', { instanceId: 'tenant' })
    expect(unsupported.code).toBe('unsupported')
    expect(unsupported.message).toContain('First Due')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminModule } from '../../../electron/main/modules/admin'
import { generateToken, signIn, startService, statusWith, TestHost, type RunningService } from '../verification/fixture'

describe('token:reportCompromise against the real token service', () => {
  let service: RunningService
  let host: TestHost
  let app: ReturnType<TestHost['mount']>

  beforeAll(async () => {
    service = await startService()
    host = new TestHost()
    host.addInstance('api', service.baseUrl)
    const session = await signIn(service.baseUrl, 'api')
    host.sessions.set('api', session)
    const created = await generateToken(service.baseUrl, session)
    host.storeToken('api', created.token, created.expiresAt)
    app = host.mount(adminModule)
  })
  afterAll(() => service.cleanup())

  it('regenerates at once: the old token is rejected, the new one works, and the report carries the reason', async () => {
    const old = host.userTokens.get('api') ?? ''
    expect(await statusWith(service.baseUrl, old)).toBe(200)
    const change = await app.value('token:reportCompromise', { instanceId: 'api', reason: '  Pasted into a public\nchat channel ' })
    const fresh = host.userTokens.get('api') ?? ''
    expect(fresh).not.toBe('')
    expect(fresh === old).toBe(false)
    expect(change.view.hint).toBe(fresh.slice(-4))
    expect(change.unsavedToken).toBeNull()
    expect(await statusWith(service.baseUrl, old)).toBe(401)
    expect(await statusWith(service.baseUrl, fresh)).toBe(200)
    // token-changed (→ integrations need the new token) comes first, then the report with the reason.
    expect(host.seen['token-changed']?.map((event) => event.change)).toEqual(['regenerated'])
    expect(host.seen['compromise-reported']).toEqual([{ instanceId: 'api', reason: 'Pasted into a public chat channel', regenerated: true }])
    expect(JSON.stringify(host.seen).includes(fresh) || JSON.stringify(host.seen).includes(old)).toBe(false)
  })

  it('refuses a reason carrying the token, without regenerating anything', async () => {
    const current = host.userTokens.get('api') ?? ''
    const reports = host.seen['compromise-reported']?.length
    const error = await app.error('token:reportCompromise', { instanceId: 'api', reason: `found ${current} in a gist` })
    expect(error.code).toBe('invalid_request')
    expect(error.message.includes(current)).toBe(false)
    expect(await statusWith(service.baseUrl, current)).toBe(200)
    expect(host.userTokens.get('api') === current).toBe(true)
    expect(host.seen['compromise-reported']).toHaveLength(reports ?? 0)
  })

  it('an empty reason is refused by the contract', async () => {
    expect((await app.error('token:reportCompromise', { instanceId: 'api', reason: '   ' })).code).toBe('invalid_request')
  })

  it('signed out: the regeneration fails with signed_out and nothing is reported', async () => {
    host.addInstance('signed-out', service.baseUrl)
    const reports = host.seen['compromise-reported']?.length
    expect((await app.error('token:reportCompromise', { instanceId: 'signed-out', reason: 'laptop stolen' })).code).toBe('signed_out')
    expect(host.seen['compromise-reported']).toHaveLength(reports ?? 0)
  })

  it('a first-due tenant: reported with its reason, then unsupported, pointing to the guided regeneration in First Due', async () => {
    host.addInstance('tenant', 'https://tenant.invalid/fd-api/v1', 'first-due')
    const error = await app.error('token:reportCompromise', { instanceId: 'tenant', reason: 'laptop stolen' })
    expect(host.seen['compromise-reported']?.at(-1)).toEqual({ instanceId: 'tenant', reason: 'laptop stolen', regenerated: false })
    expect(error.code).toBe('unsupported')
    expect(error.details).toEqual({ guidedRegeneration: true, webUrl: 'https://tenant.invalid/' })
    expect(error.message).toMatch(/paste the new token/)
  })
})

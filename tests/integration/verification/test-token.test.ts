import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verificationSchema } from '@shared/contract'
import { createVerificationModule, verificationModule } from '../../../electron/main/modules/verification'
import {
  generateToken,
  movableClock,
  signIn,
  startService,
  startStubServer,
  statusWith,
  TestHost,
  testClient,
  type RunningService,
} from './fixture'

const DAY = 86_400_000
/** A token-shaped value no service ever issued (built at run time, so no literal token sits in the source). */
const placeholderToken = (label: string) => 'fdt_' + label

describe('token:test against the real token service', () => {
  let service: RunningService
  let host: TestHost
  let api: ReturnType<TestHost['mount']>
  let apiToken: string
  const clock = movableClock()

  beforeAll(async () => {
    service = await startService({ clock: clock.now })
    host = new TestHost()
    host.addInstance('sandbox', service.baseUrl)
    const session = await signIn(service.baseUrl, 'api')
    host.sessions.set('sandbox', session)
    const created = await generateToken(service.baseUrl, session)
    apiToken = created.token
    host.storeToken('sandbox', created.token, created.expiresAt)
    api = host.mount(verificationModule)
  })
  afterAll(() => service.cleanup())

  it('api@demo.test on fire-incidents: Permission denied naming fire_incidents.read, for the admin to add', async () => {
    const v = await api.value('token:test', { instanceId: 'sandbox', endpoint: '/fd-api/v1/fire-incidents' })
    expect(v.outcome).toBe('permission_denied')
    expect(v.message.startsWith('Permission denied')).toBe(true)
    expect(v.requiredPermission).toBe('fire_incidents.read')
    expect(v.message).toContain('fire_incidents.read')
    expect(v.message).toMatch(/administrator must add fire_incidents\.read to the role/)
    expect(v.endpoint).toBe('GET /fd-api/v1/fire-incidents')
  })

  it('stations: OK with the number of records and the latency', async () => {
    const v = await api.value('token:test', { instanceId: 'sandbox', endpoint: 'GET /fd-api/v1/stations' })
    expect(v.outcome).toBe('ok')
    expect(v.records).toBe(6)
    expect(v.latencyMs).toBeGreaterThanOrEqual(0)
    expect(v.message).toMatch(/^OK: 6 records returned in \d+ ms\.$/)
  })

  it('a paged collection says more pages follow (45 dispatches, 20 a page)', async () => {
    const v = await api.value('token:test', { instanceId: 'sandbox', endpoint: 'dispatches' })
    expect(v).toMatchObject({ outcome: 'ok', records: 20 })
    expect(v.message).toContain('more pages follow')
  })

  it('without an endpoint it tests the first one the role may call', async () => {
    const v = await api.value('token:test', { instanceId: 'sandbox' })
    expect(v.endpoint).toBe('GET /fd-api/v1/personnel')
    expect(v).toMatchObject({ outcome: 'ok', records: 12 })
  })

  it('every result goes out as token-verified (for last verified and the activity log), and is contract-valid', async () => {
    const before = host.seen['token-verified']?.length ?? 0
    const v = await api.value('token:test', { instanceId: 'sandbox', endpoint: 'stations' })
    const events = host.seen['token-verified'] ?? []
    expect(events).toHaveLength(before + 1)
    expect(events.at(-1)).toEqual({ instanceId: 'sandbox', verification: v })
    expect(verificationSchema.safeParse(v).success).toBe(true)
    expect(JSON.stringify(events).includes(apiToken)).toBe(false)
  })

  it('refuses endpoints outside the catalog, so a token is never sent to an arbitrary address', async () => {
    const before = host.seen['token-verified']?.length ?? 0
    const error = await api.error('token:test', {
      instanceId: 'sandbox',
      endpoint: 'https://attacker.example/collect',
    })
    expect(error.code).toBe('invalid_request')
    expect(host.seen['token-verified']).toHaveLength(before)
  })

  it('no stored token: no_token; unknown instance: not_found', async () => {
    host.addInstance('empty', service.baseUrl)
    expect((await api.error('token:test', { instanceId: 'empty' })).code).toBe('no_token')
    expect((await api.error('token:test', { instanceId: 'nowhere' })).code).toBe('not_found')
  })

  it('a regenerated (revoked) token: Invalid or revoked', async () => {
    const session = await signIn(service.baseUrl, 'api')
    host.addInstance('revoked', service.baseUrl)
    const first = await testClient().regenerate(service.baseUrl, session)
    host.storeToken('revoked', first.token, first.expiresAt)
    const second = await testClient().regenerate(service.baseUrl, session)
    host.storeToken('sandbox', second.token, second.expiresAt)
    apiToken = second.token
    const v = await api.value('token:test', { instanceId: 'revoked', endpoint: 'stations' })
    expect(v.outcome).toBe('invalid')
    expect(v.message.startsWith('Invalid or revoked')).toBe(true)
    expect(v.message.startsWith('Invalid or revoked, or missing permission')).toBe(false)
  })

  it('once the service clock passes the expiry: Expired since that date', async () => {
    const expiresAt = host.summaries.get('sandbox')?.expiresAt
    expect(expiresAt).toBeTruthy()
    clock.advance(366 * DAY)
    try {
      const v = await api.value('token:test', { instanceId: 'sandbox', endpoint: 'stations' })
      expect(v.outcome).toBe('expired')
      expect(v.expiredAt).toBe(expiresAt)
      expect(v.message).toMatch(
        new RegExp(`^Expired since ${expiresAt?.slice(0, 10)} ${expiresAt?.slice(11, 16)} UTC`),
      )
    } finally {
      clock.advance(-366 * DAY)
    }
  })
})

describe('token:test when the service is not answering properly', () => {
  it('the service stopped: Network error', async () => {
    const service = await startService()
    const host = new TestHost()
    host.addInstance('sandbox', service.baseUrl)
    const created = await generateToken(service.baseUrl, await signIn(service.baseUrl, 'api'))
    host.storeToken('sandbox', created.token, created.expiresAt)
    await service.cleanup()
    const v = await host
      .mount(verificationModule)
      .value('token:test', { instanceId: 'sandbox', endpoint: 'stations' })
    expect(v.outcome).toBe('network')
    expect(v.message.startsWith('Network error')).toBe(true)
    expect(v.endpoint).toBe('GET /fd-api/v1/stations')
    expect(host.seen['token-verified']).toHaveLength(1)
  })

  it('a server that never answers: Timed out', async () => {
    const hanging = await startStubServer(() => {
      // never answers
    })
    try {
      const host = new TestHost()
      host.addInstance('slow', hanging.baseUrl)
      host.storeToken('slow', placeholderToken('placeholder_token_for_a_silent_server'), null)
      const module = host.mount(createVerificationModule({ timeoutMs: 800 }))
      const v = await module.value('token:test', { instanceId: 'slow' })
      expect(v.outcome).toBe('timeout')
      expect(v.message).toMatch(/^Timed out: no answer within 0\.8 s/)
      const named = await module.value('token:test', { instanceId: 'slow', endpoint: 'stations' })
      expect(named).toMatchObject({ outcome: 'timeout', endpoint: 'GET /fd-api/v1/stations' })
    } finally {
      await hanging.close()
    }
  })

  it('a server answering 500: Server error', async () => {
    const broken = await startStubServer((_request, response) => {
      response
        .writeHead(500, { 'content-type': 'application/json' })
        .end(JSON.stringify({ code: 'internal', message: 'boom' }))
    })
    try {
      const host = new TestHost()
      host.addInstance('broken', broken.baseUrl)
      host.storeToken('broken', placeholderToken('placeholder_token_for_a_broken_server'), null)
      const v = await host
        .mount(verificationModule)
        .value('token:test', { instanceId: 'broken', endpoint: 'stations' })
      expect(v.outcome).toBe('server_error')
      expect(v.message).toMatch(/^Server error: the service answered HTTP 500/)
    } finally {
      await broken.close()
    }
  })
})

describe('token:test for a first-due instance (service started with authErrors first-due)', () => {
  let service: RunningService
  let host: TestHost
  let module: ReturnType<TestHost['mount']>
  let token: string

  beforeAll(async () => {
    service = await startService({ authErrors: 'first-due' })
    host = new TestHost()
    const created = await generateToken(service.baseUrl, await signIn(service.baseUrl, 'api'))
    token = created.token
    host.addInstance('tenant', service.baseUrl, 'first-due')
    // The user types the expiry First Due shows.
    host.storeToken('tenant', token, new Date(Date.now() + 300 * 86_400_000).toISOString())
    module = host.mount(verificationModule)
  })
  afterAll(() => service.cleanup())

  it('OK on an endpoint from the built-in list', async () => {
    const v = await module.value('token:test', { instanceId: 'tenant', endpoint: 'stations' })
    expect(v).toMatchObject({ outcome: 'ok', records: 6 })
  })

  it('the codeless 403 before the stored expiry: Invalid or revoked, or missing permission', async () => {
    const v = await module.value('token:test', { instanceId: 'tenant', endpoint: 'fire-incidents' })
    expect(v.outcome).toBe('invalid_or_permission')
    expect(v.message.startsWith('Invalid or revoked, or missing permission')).toBe(true)
    expect(v.message).toContain('First Due answered 403')
    expect(v.message).toContain('fire_incidents.read')
    expect(await statusWith(service.baseUrl, token, '/fire-incidents')).toBe(403)
  })

  it('the codeless 403 past the stored expiry: Expired since the date the user typed', async () => {
    const typed = new Date(Date.now() - 2 * 86_400_000).toISOString()
    host.storeToken('tenant', token, typed)
    try {
      const v = await module.value('token:test', { instanceId: 'tenant', endpoint: 'fire-incidents' })
      expect(v).toMatchObject({ outcome: 'expired', expiredAt: typed })
      expect(v.message).toMatch(/^Expired since /)
    } finally {
      host.storeToken('tenant', token, new Date(Date.now() + 300 * 86_400_000).toISOString())
    }
  })

  it('a token the tenant does not accept (revoked or unknown) gets the same ambiguous answer', async () => {
    host.addInstance('old', service.baseUrl, 'first-due')
    host.storeToken(
      'old',
      placeholderToken('not_a_token_the_tenant_ever_issued_000'),
      new Date(Date.now() + 86_400_000).toISOString(),
    )
    const v = await module.value('token:test', { instanceId: 'old', endpoint: 'stations' })
    expect(v.outcome).toBe('invalid_or_permission')
  })
})

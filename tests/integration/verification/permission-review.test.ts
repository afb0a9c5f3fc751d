import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verificationModule } from '../../../electron/main/modules/verification'
import { generateToken, signIn, startService, TestHost, type RunningService } from './fixture'

const labels = ['GET /fd-api/v1/personnel', 'GET /fd-api/v1/dispatches', 'GET /fd-api/v1/fire-incidents', 'GET /fd-api/v1/stations']

describe('token:endpoints (the permission review) against the real token service', () => {
  let service: RunningService
  let host: TestHost
  let module: ReturnType<TestHost['mount']>

  beforeAll(async () => {
    service = await startService()
    host = new TestHost()
    module = host.mount(verificationModule)
  })
  afterAll(() => service.cleanup())

  it("lists the service's catalog with each permission object and whether the signed-in role has it", async () => {
    host.addInstance('api', service.baseUrl)
    host.sessions.set('api', await signIn(service.baseUrl, 'api'))
    const catalog = await module.value('token:endpoints', { instanceId: 'api' })
    expect(catalog.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(labels)
    expect(catalog.map((endpoint) => [endpoint.requiredPermission, endpoint.allowed])).toEqual([
      ['personnel.read', true],
      ['dispatches.read', true],
      ['fire_incidents.read', false],
      ['stations.read', true],
    ])
    expect(catalog.every((endpoint) => endpoint.description.length > 0)).toBe(true)
  })

  it('an administrator may call every endpoint; the crew only personnel', async () => {
    host.addInstance('admin', service.baseUrl)
    host.sessions.set('admin', await signIn(service.baseUrl, 'admin'))
    host.addInstance('crew', service.baseUrl)
    host.sessions.set('crew', await signIn(service.baseUrl, 'crew'))
    expect((await module.value('token:endpoints', { instanceId: 'admin' })).map((e) => e.allowed)).toEqual([true, true, true, true])
    expect((await module.value('token:endpoints', { instanceId: 'crew' })).map((e) => e.allowed)).toEqual([true, false, false, false])
  })

  it('signed out, it asks /me with the stored token; with neither, permissions are unknown (null)', async () => {
    host.addInstance('token-only', service.baseUrl)
    const created = await generateToken(service.baseUrl, await signIn(service.baseUrl, 'api'))
    host.storeToken('token-only', created.token, created.expiresAt)
    expect((await module.value('token:endpoints', { instanceId: 'token-only' })).map((e) => e.allowed)).toEqual([true, true, false, true])

    host.addInstance('nothing', service.baseUrl)
    const unknown = await module.value('token:endpoints', { instanceId: 'nothing' })
    expect(unknown).toHaveLength(4)
    expect(unknown.every((endpoint) => endpoint.allowed === null)).toBe(true)
  })

  it('a first-due tenant gets the built-in list, permissions unknown, without any call', async () => {
    host.addInstance('tenant', 'https://tenant.invalid/fd-api/v1', 'first-due')
    const catalog = await module.value('token:endpoints', { instanceId: 'tenant' })
    expect(catalog.map((endpoint) => `${endpoint.method} ${endpoint.path}`)).toEqual(labels)
    expect(catalog.every((endpoint) => endpoint.allowed === null)).toBe(true)
  })

  it('the service unreachable: the envelope says network', async () => {
    const gone = await startService()
    host.addInstance('gone', gone.baseUrl)
    await gone.cleanup()
    expect((await module.error('token:endpoints', { instanceId: 'gone' })).code).toBe('network')
  })
})

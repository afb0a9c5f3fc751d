import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { integrationsModule } from '../../../electron/main/modules/integrations'
import { adminModule } from '../../../electron/main/modules/admin'
import { verificationModule } from '../../../electron/main/modules/verification'
import { createKeyringSecretStore, secretAccounts } from '../../../electron/main/services/secret-store'
import { filesUnder, removeDir, startCore, tempDir, value, type TestCore } from '../core/helpers'
import { statusWith } from '../verification/fixture'

/**
 * Issues 7 and 8 through the whole core (createCore: embedded service, real keyring, token manager,
 * integrations register and activity log) and the handler table, as the renderer would drive them.
 */
describe('test token, administration and compromise response through the core', () => {
  const dataDir = tempDir('token-desk-admin-core-')
  const secrets = createKeyringSecretStore()
  const plaintexts: string[] = []
  let core: TestCore
  let sandboxId = ''
  let baseUrl = ''

  beforeAll(async () => {
    core = await startCore({ dataDir, modules: [integrationsModule, verificationModule, adminModule] })
    const sandbox = value(await core.call('instances:list')).find((instance) => instance.isSandbox)
    sandboxId = sandbox?.id ?? ''
    baseUrl = sandbox?.baseUrl ?? ''
    value(await core.call('token:generate', { instanceId: sandboxId }))
    plaintexts.push((await secrets.get(secretAccounts.userToken(sandboxId))) ?? '')
  })
  afterAll(async () => {
    await core?.close()
    removeDir(dataDir)
  })

  it('a test result becomes the last verification and goes to the activity log', async () => {
    const verification = value(await core.call('token:test', { instanceId: sandboxId, endpoint: 'stations' }))
    expect(verification).toMatchObject({ outcome: 'ok', records: 6 })
    const status = value(await core.call('token:status', { instanceId: sandboxId }))
    expect(status.lastVerification).toEqual(verification)
    expect(status.lastVerifiedAt).toBe(verification.at)
    const activity = value(await core.call('activity:list', { instanceId: sandboxId, type: 'token.verified' }))
    expect(activity[0]?.summary).toContain('/fd-api/v1/stations')
  })

  it('the permission review marks what the signed-in api user may call', async () => {
    const catalog = value(await core.call('token:endpoints', { instanceId: sandboxId }))
    expect(catalog.map((endpoint) => endpoint.allowed)).toEqual([true, true, false, true])
  })

  it('report compromise: regenerates, flags every dependent integration, logs the reason; the old token is rejected', async () => {
    for (const [name, owner] of [['CAD bridge', 'Dana Ops'], ['Payroll sync', 'Sam HR']] as const) {
      value(await core.call('integrations:add', { name, owner, contact: `${owner.split(' ')[0]?.toLowerCase()}@agency.test`, environment: 'development', instanceId: sandboxId }))
    }
    const old = plaintexts[0] ?? ''
    expect(await statusWith(baseUrl, old)).toBe(200)

    const change = value(await core.call('token:reportCompromise', { instanceId: sandboxId, reason: 'Token seen in a screen recording' }))
    const fresh = (await secrets.get(secretAccounts.userToken(sandboxId))) ?? ''
    plaintexts.push(fresh)
    expect(fresh === old).toBe(false)
    expect(change.view.hint).toBe(fresh.slice(-4))
    expect(await statusWith(baseUrl, old)).toBe(401)
    expect(await statusWith(baseUrl, fresh)).toBe(200)

    const integrations = value(await core.call('integrations:list', { instanceId: sandboxId }))
    expect(integrations.map((integration) => [integration.owner, integration.status])).toEqual(
      expect.arrayContaining([
        ['Dana Ops', 'needs-update'],
        ['Sam HR', 'needs-update'],
      ]),
    )
    const reported = value(await core.call('activity:list', { instanceId: sandboxId, type: 'token.compromise_reported' }))
    expect(reported).toHaveLength(1)
    expect(reported[0]?.summary).toBe('Token reported as compromised: Token seen in a screen recording')
  })

  it('a First Due tenant: the report is logged with its reason, then the guided regeneration starts', async () => {
    const tenant = value(await core.call('instances:add', { name: 'Acme FD', kind: 'first-due', baseUrl: 'https://acme.firstdue.example/fd-api/v1', environment: 'production' }))
    const refused = await core.call('token:reportCompromise', { instanceId: tenant.id, reason: 'found fdt_abcdefghijklmnop1234 in a gist' })
    expect(refused.ok ? '' : refused.error.code).toBe('invalid_request')

    const answer = await core.call('token:reportCompromise', { instanceId: tenant.id, reason: 'Laptop left on a train' })
    if (answer.ok) expect.fail('a tenant cannot regenerate through Token Desk')
    expect(answer.error).toMatchObject({ code: 'unsupported', details: { guidedRegeneration: true, webUrl: 'https://acme.firstdue.example/' } })
    const reported = value(await core.call('activity:list', { instanceId: tenant.id, type: 'token.compromise_reported' }))
    expect(reported.map((entry) => entry.summary)).toEqual(['Token reported as compromised — regenerate it in First Due: Laptop left on a train'])
  })

  it('the admin sees the demo users, two active token holders, and can disable the api user', async () => {
    value(await core.call('session:signInDemo', { instanceId: sandboxId, user: 'admin' }))
    // The admin makes a token too: two holders, which the renderer warns about.
    value(await core.call('token:generate', { instanceId: sandboxId }))
    plaintexts.push((await secrets.get(secretAccounts.userToken(sandboxId))) ?? '')
    const users = value(await core.call('admin:users', { instanceId: sandboxId }))
    expect(users.map((user) => user.email).sort()).toEqual(['admin@demo.test', 'api@demo.test', 'crew@demo.test'])
    expect(users.filter((user) => user.token.status === 'active').map((user) => user.email).sort()).toEqual(['admin@demo.test', 'api@demo.test'])

    const apiUser = users.find((user) => user.email === 'api@demo.test')
    const disabled = value(await core.call('admin:setApiAccess', { instanceId: sandboxId, userId: apiUser?.id ?? '', enabled: false }))
    expect(disabled.apiAccessEnabled).toBe(false)
    expect(await statusWith(baseUrl, plaintexts[1] ?? '')).toBe(401)
    const logged = value(await core.call('activity:list', { instanceId: sandboxId, type: 'admin.api_access_changed' }))
    expect(logged[0]?.summary).toMatch(/API access disabled/)

    const audit = value(await core.call('admin:audit', { instanceId: sandboxId, userId: apiUser?.id ?? '' }))
    const tokenEvents = audit.map((event) => event.type).filter((type) => /^(token\.(re)?generated|api_access\.)/.test(type))
    expect(tokenEvents).toEqual(['api_access.disabled', 'token.regenerated', 'token.generated'])
    expect(audit.every((event) => event.actorId === apiUser?.id || event.subjectId === apiUser?.id)).toBe(true)
    value(await core.call('admin:setApiAccess', { instanceId: sandboxId, userId: apiUser?.id ?? '', enabled: true }))
  })

  it('no token plaintext reached any file in the data folder', async () => {
    await core.close()
    for (const file of filesUnder(dataDir)) {
      if (file.path.endsWith('.sqlite') || file.path.includes('.sqlite-')) continue // the service keeps hashes only
      for (const secret of plaintexts) expect(secret.length > 0 && file.bytes.includes(secret), file.path).toBe(false)
    }
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Integration } from '@shared/contract'
import { coreModules } from '../../../electron/main/modules'
import { filesUnder, removeDir, startCore, tempDir, value, type TestCore } from '../core/helpers'

/**
 * The whole app core with every module, the real embedded service and the real keyring (run under
 * scripts/with-keyring.mjs): integrations follow a real regeneration, and after a full workflow no file in the
 * data folder, no export and no log line holds the real user token or the session token.
 */
describe('integrations and activity in the running core', () => {
  const dataDir = tempDir('token-desk-integrations-core-')
  const logLines: string[] = []
  const log = {
    info: (o: object, m?: string) => void logLines.push(JSON.stringify([o, m])),
    warn: (o: object, m?: string) => void logLines.push(JSON.stringify([o, m])),
    error: (o: object, m?: string) => void logLines.push(JSON.stringify([o, m])),
  }
  let core: TestCore
  let instanceId = ''

  beforeAll(async () => {
    core = await startCore({ dataDir, modules: coreModules, log })
    instanceId = value(await core.call('instances:list'))[0]!.id
  })
  afterAll(async () => {
    await core?.close()
    removeDir(dataDir)
  })

  it('flags integrations on regenerate, records what happened, and never writes a token down', async () => {
    const secrets: string[] = [await core.context.credentials.sessionToken(instanceId)]
    const cad = value(
      await core.call('integrations:add', {
        name: 'CAD sync',
        system: 'CAD',
        environment: 'development',
        instanceId,
      }),
    )
    value(
      await core.call('integrations:add', { name: 'Payroll export', environment: 'development', instanceId }),
    )

    value(await core.call('token:generate', { instanceId }))
    secrets.push(value(await core.call('token:reveal', { instanceId })).token)
    value(await core.call('token:copy', { instanceId }))
    expect(
      value(await core.call('integrations:list', { instanceId })).every(
        (item: Integration) => item.status === 'current',
      ),
    ).toBe(true)

    value(await core.call('token:regenerate', { instanceId }))
    secrets.push(value(await core.call('token:reveal', { instanceId })).token)
    const flagged = value(await core.call('integrations:list', { instanceId }))
    expect(flagged.map((item) => item.status)).toEqual(['needs-update', 'needs-update'])
    expect(value(await core.call('integrations:markUpdated', { id: cad.id })).status).toBe('current')

    value(await core.call('token:test', { instanceId }))
    const exports = [
      value(await core.call('integrations:export', { format: 'csv' })).text,
      value(await core.call('integrations:export', { format: 'json', instanceId })).text,
    ]
    value(await core.call('session:signOut', { instanceId }))

    const summaries = value(await core.call('activity:list', { instanceId }))
      .map((entry) => entry.summary)
      .reverse()
    const hintOf = (token: string) => token.slice(-4)
    expect(summaries).toEqual(
      expect.arrayContaining([
        'Integration “CAD sync” added',
        `Token generated (ends in ${hintOf(secrets[1]!)})`,
        'Revealed token on screen',
        'Copied token to clipboard',
        `Token regenerated (ends in ${hintOf(secrets[2]!)})`,
        '2 integrations now need the new token',
        'Integration “CAD sync” marked updated',
        'Signed out',
      ]),
    )
    expect(summaries.indexOf('Token regenerated (ends in ' + hintOf(secrets[2]!) + ')')).toBeLessThan(
      summaries.indexOf('2 integrations now need the new token'),
    )

    expect(secrets.every((secret) => secret.length >= 32)).toBe(true)
    const texts = [...filesUnder(dataDir).map((file) => file.bytes.toString('utf8')), ...exports, ...logLines]
    for (const secret of secrets) {
      for (const text of texts) expect(text.includes(secret)).toBe(false)
    }
  })
})

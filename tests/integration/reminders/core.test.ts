import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { remindersController, remindersModule } from '../../../electron/main/modules/reminders'
import { errorOf, removeDir, startSandboxCore, tempDir, value, type TestCore } from '../core/helpers'

const eventsOf = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')

// The whole path on the real core: the embedded token service, the real keychain, the token manager's events.
describe('reminders on the real core', () => {
  const dataDir = tempDir('token-desk-reminders-core-')
  let core: TestCore
  let sandboxId: string
  beforeAll(async () => {
    ;({ core, sandboxId } = await startSandboxCore({ dataDir, modules: [remindersModule] }))
  })
  afterAll(async () => {
    await core?.close()
    removeDir(dataDir)
  })

  it('has no calendar before a token exists', async () => {
    expect(errorOf(await core.call('token:calendar', { instanceId: sandboxId })).code).toBe('no_token')
    expect(remindersController(core.bus)?.trayState()).toMatchObject({ level: 'ok', tooltip: 'Token Desk — no API tokens yet' })
  })

  it('exports the generated token’s reminders, and moves them (same UIDs, higher SEQUENCE) on regenerate', async () => {
    value(await core.call('token:generate', { instanceId: sandboxId }))
    const secret = value(await core.call('token:reveal', { instanceId: sandboxId })).token
    const first = value(await core.call('token:calendar', { instanceId: sandboxId }))
    expect(first.text).not.toContain(secret)
    const events = eventsOf(first.text)
    expect(events.map((event) => String(event.getFirstPropertyValue('uid')))).toEqual([
      `${sandboxId}-renew-90d@token-desk`,
      `${sandboxId}-renew-30d@token-desk`,
      `${sandboxId}-renew-7d@token-desk`,
      `${sandboxId}-expiry@token-desk`,
    ])
    expect(events.map((event) => event.getFirstPropertyValue('sequence'))).toEqual([1, 1, 1, 1])
    expect(remindersController(core.bus)?.trayState().tooltip).toMatch(/^Token Desk — .+: expires in 36[456] days$/)

    value(await core.call('token:regenerate', { instanceId: sandboxId }))
    const second = eventsOf(value(await core.call('token:calendar', { instanceId: sandboxId })).text)
    expect(second.map((event) => String(event.getFirstPropertyValue('uid')))).toEqual(events.map((event) => String(event.getFirstPropertyValue('uid'))))
    expect(second.map((event) => event.getFirstPropertyValue('sequence'))).toEqual([2, 2, 2, 2])
  })
})

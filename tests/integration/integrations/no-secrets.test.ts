import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ActivityEntry, Integration, Verification } from '@shared/contract'
import { fakeToken } from './fixtures'
import { moduleFixture } from './module-fixture'

let fixture: ReturnType<typeof moduleFixture>
afterEach(async () => {
  await fixture.module.close?.()
  fixture.cleanup()
})

const sessionToken = 'eyJhbGciOiJIUzI1NiJ9.c2Vzc2lvbi1zZWNyZXQtZm9yLXRlc3Rz.Q1lPZ0ZxZkR4c2lnbmF0dXJlLXBhcnQ'
const hint = fakeToken.slice(-4)

/** What a verifier might report — with the secret where a careless one could put it. */
const verification = (outcome: Verification['outcome']): Verification => ({
  outcome,
  at: '2026-12-03T10:05:00.000Z',
  endpoint: `/fd-api/v1/personnel?access_token=${fakeToken}`,
  latencyMs: 42.7,
  records: 12,
  requiredPermission: 'personnel.read',
  expiredAt: null,
  message: `OK: 12 records with Bearer ${fakeToken}`,
})

describe('the activity log after a full workflow', () => {
  it('never contains a token, even where events carry one', async () => {
    fixture = moduleFixture()
    const { bus, call, clock } = fixture
    const step = () => clock.advance(1000)
    const ok = async <T>(channel: string, payload: unknown) => {
      const result = await call(channel, payload)
      if (!result.ok) throw new Error(JSON.stringify(result.error))
      step()
      return result.value as T
    }

    bus.emit('instance-changed', { instanceId: 'inst-a', change: 'added', name: 'North' })
    bus.emit('session-changed', { instanceId: 'inst-a', change: 'signed-in', email: 'api@demo.test' })
    // A careless session manager passing the session token where the email goes.
    bus.emit('session-changed', { instanceId: 'inst-a', change: 'signed-in', email: sessionToken })
    const cad = await ok<Integration>('integrations:add', {
      name: 'CAD sync',
      environment: 'production',
      instanceId: 'inst-a',
    })
    await ok('integrations:add', {
      name: 'Payroll',
      environment: 'production',
      instanceId: 'inst-a',
      notes: 'uses the North token',
    })
    bus.emit('token-changed', {
      instanceId: 'inst-a',
      change: 'generated',
      hint,
      expiresAt: '2027-12-03T10:00:00.000Z',
    })
    // A careless token manager passing the whole token as the hint.
    bus.emit('token-changed', {
      instanceId: 'inst-a',
      change: 'pasted',
      hint: fakeToken,
      expiresAt: fakeToken,
    })
    bus.emit('token-used', { instanceId: 'inst-a', action: 'copied' })
    bus.emit('token-used', { instanceId: 'inst-a', action: 'revealed' })
    bus.emit('token-verified', { instanceId: 'inst-a', verification: verification('ok') })
    bus.emit('token-verified', {
      instanceId: 'inst-a',
      verification: { ...verification('permission_denied'), records: null, latencyMs: null },
    })
    bus.emit('token-changed', {
      instanceId: 'inst-a',
      change: 'regenerated',
      hint: 'n3W1',
      expiresAt: '2027-12-03T11:00:00.000Z',
      reason: fakeToken,
    })
    await ok('integrations:markUpdated', { id: cad.id })
    const exported = await ok<{ text: string }>('integrations:export', { format: 'json' })
    await ok('integrations:import', { format: 'json', text: exported.text })
    bus.emit('compromise-reported', {
      instanceId: 'inst-a',
      reason: `I pasted ${fakeToken} into the team chat`,
      regenerated: true,
    })
    bus.emit('token-changed', {
      instanceId: 'inst-a',
      change: 'revoked',
      hint,
      expiresAt: null,
      reason: `leaked: ${fakeToken}`,
    })
    bus.emit('reminder-fired', {
      instanceId: 'inst-a',
      offsetDays: 30,
      kind: 'reminder',
      expiresAt: '2027-12-03T11:00:00.000Z',
    })
    bus.emit('admin-changed', { instanceId: 'inst-a', userId: '2', apiAccessEnabled: false })
    bus.emit('settings-changed', {
      settings: {
        reminderDays: [30],
        clipboardClearSeconds: 30,
        theme: 'dark',
        startAtLogin: false,
        activeInstanceId: 'inst-a',
      },
      changed: ['reminderDays', 'theme'],
    })
    bus.emit('session-changed', { instanceId: 'inst-a', change: 'signed-out', email: 'api@demo.test' })
    bus.emit('instance-changed', { instanceId: 'inst-a', change: 'removed', name: 'North' })

    const entries = (await ok<ActivityEntry[]>('activity:list', {})).reverse()
    expect(entries.map((entry) => entry.summary)).toEqual([
      'Instance “North” added',
      'Signed in as api@demo.test',
      'Signed in',
      'Integration “CAD sync” added',
      'Integration “Payroll” added',
      `Token generated (ends in ${hint})`,
      'Token pasted from elsewhere',
      '2 integrations now need the new token',
      'Copied token to clipboard',
      'Revealed token on screen',
      'Test call to /fd-api/v1/personnel: OK, 12 records',
      'Test call to /fd-api/v1/personnel: permission denied',
      'Token regenerated (ends in n3W1)',
      'Integration “CAD sync” marked updated',
      'Imported 2 integrations',
      'Token reported as compromised: I pasted [hidden] into the team chat',
      `Token revoked (ends in ${hint})`,
      '1 integration now needs the new token',
      'Reminder: the token expires in 30 days',
      'API access disabled for user 2',
      'Settings changed: reminder days, theme',
      'Signed out',
      'Instance “North” removed',
      '2 integrations removed with their instance',
    ])

    const files = readdirSync(fixture.dir)
    expect(files).toEqual(expect.arrayContaining(['activity.jsonl', 'integrations.json']))
    const everything = [
      ...files.map((name) => readFileSync(join(fixture.dir, name), 'utf8')),
      exported.text,
      ...fixture.log.lines,
    ].join('\n')
    for (const secret of [fakeToken, fakeToken.slice(4, 24), sessionToken, 'c2Vzc2lvbi1zZWNyZXQ'])
      expect(everything).not.toContain(secret)
    expect(everything).not.toContain('fdt_')
  })
})

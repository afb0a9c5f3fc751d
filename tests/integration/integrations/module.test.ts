import { afterEach, describe, expect, it } from 'vitest'
import type { ActivityEntry, Integration } from '@shared/contract'
import { collect } from './fixtures'
import { moduleFixture } from './module-fixture'

let fixture: ReturnType<typeof moduleFixture>
afterEach(async () => {
  await fixture.module.close?.()
  fixture.cleanup()
})

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}

const cad = {
  name: 'CAD sync',
  system: 'CAD',
  owner: 'Dana',
  contact: 'dana@agency.test',
  environment: 'production',
  instanceId: 'inst-a',
  notes: '',
}

describe('integrations module through the handler table', () => {
  it('serves every integrations channel and activity:list', async () => {
    fixture = moduleFixture()
    const { call } = fixture
    const added = await value<Integration>(call('integrations:add', cad))
    expect(fixture.context.directories.integrations.namesFor('inst-a')).toEqual(['CAD sync'])
    const updated = await value<Integration>(call('integrations:update', { id: added.id, owner: 'Sam' }))
    expect(updated).toMatchObject({ owner: 'Sam', system: 'CAD', contact: 'dana@agency.test' })
    expect(await value(call('integrations:list', { instanceId: 'inst-a' }))).toEqual([updated])
    expect(await value(call('integrations:list', { instanceId: 'inst-b' }))).toEqual([])

    fixture.bus.emit('token-changed', {
      instanceId: 'inst-a',
      change: 'regenerated',
      hint: 'x9Qz',
      expiresAt: null,
    })
    expect(await value(call('integrations:list', {}))).toEqual([{ ...updated, status: 'needs-update' }])
    expect(await value<Integration>(call('integrations:markUpdated', { id: added.id }))).toMatchObject({
      status: 'current',
    })

    const file = await value<{ filename: string; text: string }>(
      call('integrations:export', { format: 'csv' }),
    )
    expect(file.filename).toBe('token-desk-integrations-2026-12-03.csv')
    expect(await value(call('integrations:remove', { id: added.id }))).toEqual({ removed: true })
    expect(await value(call('integrations:import', { format: 'csv', text: file.text }))).toEqual({
      imported: 1,
    })
    expect(await value<Integration[]>(call('integrations:list', {}))).toEqual([
      expect.objectContaining({ id: added.id, owner: 'Sam' }),
    ])

    const activity = await value<ActivityEntry[]>(call('activity:list', { instanceId: 'inst-a' }))
    expect(activity.map((entry) => entry.summary)).toEqual([
      'Integration “CAD sync” removed',
      'Integration “CAD sync” marked updated',
      '1 integration now needs the new token',
      'Token regenerated (ends in x9Qz)',
      'Integration “CAD sync” updated',
      'Integration “CAD sync” added',
    ])
    const imported = await value<ActivityEntry[]>(call('activity:list', { type: 'integration.imported' }))
    expect(imported.map((entry) => [entry.summary, entry.instanceId])).toEqual([
      ['Imported 1 integration', null],
    ])
    expect(await value<ActivityEntry[]>(call('activity:list', { limit: 2 }))).toHaveLength(2)
    expect(fixture.unexpected).toEqual([])
  })

  it('rejects payloads that do not match the contract before they reach the register', async () => {
    fixture = moduleFixture()
    const { call } = fixture
    const bad = [
      ['integrations:add', { ...cad, environment: 'staging' }],
      ['integrations:add', { ...cad, name: '' }],
      ['integrations:add', { ...cad, token: 'fdt_x' }],
      ['integrations:add', { ...cad, notes: 'x'.repeat(2001) }],
      ['integrations:update', { owner: 'no id' }],
      ['integrations:remove', {}],
      ['integrations:export', { format: 'xlsx' }],
      ['integrations:import', { format: 'csv' }],
      ['activity:list', { type: 'token.stolen' }],
      ['activity:list', { limit: 0 }],
    ] as const
    for (const [channel, payload] of bad) {
      const result = await call(channel, payload)
      expect(result, `${channel} ${JSON.stringify(payload).slice(0, 80)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      })
    }
    expect(await value(call('integrations:list', {}))).toEqual([])
  })

  it('returns register failures in the envelope: unknown instance, duplicate name, unknown id, bad import rows', async () => {
    fixture = moduleFixture()
    const { call } = fixture
    expect(await call('integrations:add', { ...cad, instanceId: 'gone' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    await value(call('integrations:add', cad))
    expect(await call('integrations:add', { ...cad, name: 'cad SYNC' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', details: { field: 'name' } },
    })
    expect(await call('integrations:markUpdated', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    const text = 'name,environment,instanceId\nfine,production,inst-a\nbad,staging,inst-a\n'
    expect(await call('integrations:import', { format: 'csv', text })).toEqual({
      ok: false,
      error: {
        code: 'invalid_request',
        message: expect.stringContaining('row 2'),
        details: { rows: [{ row: 2, field: 'environment', message: expect.any(String) }] },
      },
    })
    expect(await value<Integration[]>(call('integrations:list', {}))).toHaveLength(1)
    expect(fixture.unexpected).toEqual([])
  })

  it('learns at start which instances hold a token, so a paste over it flags their integrations', async () => {
    fixture = moduleFixture([
      {
        instanceId: 'inst-b',
        hint: 'a1B2',
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2027-01-01T00:00:00.000Z',
        stored: true,
      },
    ])
    await fixture.module.start?.()
    await value(fixture.call('integrations:add', { ...cad, instanceId: 'inst-b' }))
    await value(fixture.call('integrations:add', cad))
    fixture.bus.emit('token-changed', {
      instanceId: 'inst-b',
      change: 'pasted',
      hint: 'c3D4',
      expiresAt: null,
    })
    fixture.bus.emit('token-changed', {
      instanceId: 'inst-a',
      change: 'pasted',
      hint: 'e5F6',
      expiresAt: null,
    })
    const list = await value<Integration[]>(fixture.call('integrations:list', {}))
    expect(list.map((item) => [item.instanceId, item.status]).sort()).toEqual([
      ['inst-a', 'current'],
      ['inst-b', 'needs-update'],
    ])
  })

  it('stops listening when closed', async () => {
    fixture = moduleFixture()
    await value(fixture.call('integrations:add', cad))
    await fixture.module.close?.()
    const appended = collect(fixture.bus, 'activity-appended')
    fixture.bus.emit('token-changed', {
      instanceId: 'inst-a',
      change: 'regenerated',
      hint: null,
      expiresAt: null,
    })
    expect(appended).toEqual([])
    expect(await value<Integration[]>(fixture.call('integrations:list', {}))).toEqual([
      expect.objectContaining({ status: 'current' }),
    ])
  })
})

import { readFileSync, statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { collect, integration, registerFixture, failureOf } from './fixtures'

let fixture: ReturnType<typeof registerFixture>
afterEach(() => fixture.cleanup())

describe('integrations register: CRUD', () => {
  it('adds with a uuid, current status and the time, and keeps it across reopening', () => {
    fixture = registerFixture()
    const changes = collect(fixture.bus, 'integrations-changed')
    const added = fixture.register.add(integration('inst-a', '  CAD sync  ', { notes: 'nightly' }))
    expect(added.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(added).toMatchObject({
      name: 'CAD sync',
      status: 'current',
      updatedAt: '2026-12-03T10:00:00.000Z',
      notes: 'nightly',
    })
    expect(changes).toEqual([{ instanceId: 'inst-a', change: 'added', name: 'CAD sync' }])
    expect(fixture.open().list()).toEqual([added])
    expect(statSync(fixture.register.path).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(fixture.register.path, 'utf8'))).toMatchObject({
      version: 1,
      integrations: [added],
    })
  })

  it('fills optional text fields with empty strings', () => {
    fixture = registerFixture()
    const added = fixture.register.add({ name: 'Bare', instanceId: 'inst-a', environment: 'training' })
    expect(added).toMatchObject({ system: '', owner: '', contact: '', notes: '' })
  })

  it('lists by name, filtered by instance and status', () => {
    fixture = registerFixture()
    const { register } = fixture
    register.add(integration('inst-a', 'zeta'))
    register.add(integration('inst-a', 'Alpha'))
    register.add(integration('inst-b', 'beta'))
    expect(register.list().map((item) => item.name)).toEqual(['Alpha', 'beta', 'zeta'])
    expect(register.list({ instanceId: 'inst-a' }).map((item) => item.name)).toEqual(['Alpha', 'zeta'])
    expect(register.namesFor('inst-b')).toEqual(['beta'])
    expect(register.list({ status: 'needs-update' })).toEqual([])
  })

  it('updates only the fields given and records when', () => {
    fixture = registerFixture()
    const added = fixture.register.add(integration('inst-a', 'CAD sync', { owner: 'Dana' }))
    fixture.clock.advance(60_000)
    const updated = fixture.register.update(added.id, { notes: 'moved to new server' })
    expect(updated).toEqual({ ...added, notes: 'moved to new server', updatedAt: '2026-12-03T10:01:00.000Z' })
    expect(fixture.open().get(added.id)).toEqual(updated)
  })

  it('moves an integration to another existing instance, not to a missing one', () => {
    fixture = registerFixture()
    const added = fixture.register.add(integration('inst-a', 'CAD sync'))
    expect(fixture.register.update(added.id, { instanceId: 'inst-b' }).instanceId).toBe('inst-b')
    const error = failureOf(() => fixture.register.update(added.id, { instanceId: 'gone' }))
    expect(error.code).toBe('not_found')
    expect(fixture.register.get(added.id).instanceId).toBe('inst-b')
  })

  it('removes, and reports unknown ids as not_found', () => {
    fixture = registerFixture()
    const added = fixture.register.add(integration('inst-a', 'CAD sync'))
    fixture.register.remove(added.id)
    expect(fixture.open().list()).toEqual([])
    for (const run of [
      () => fixture.register.remove(added.id),
      () => fixture.register.markUpdated(added.id),
      () => fixture.register.update(added.id, { notes: 'x' }),
    ]) {
      expect(failureOf(run).code).toBe('not_found')
    }
  })
})

describe('integrations register: validation', () => {
  it('requires a name and bounds lengths, naming the field', () => {
    fixture = registerFixture()
    const blank = failureOf(() => fixture.register.add(integration('inst-a', '   ')))
    expect(blank.code).toBe('invalid_request')
    expect(blank.details?.errors).toEqual([expect.objectContaining({ field: 'name' })])
    const long = failureOf(() =>
      fixture.register.add(integration('inst-a', 'ok', { notes: 'x'.repeat(2001) })),
    )
    expect(long.details?.errors).toEqual([expect.objectContaining({ field: 'notes' })])
    expect(failureOf(() => fixture.register.add(integration('inst-a', 'n'.repeat(121)))).code).toBe(
      'invalid_request',
    )
    expect(fixture.register.list()).toEqual([])
  })

  it('requires an existing instance', () => {
    fixture = registerFixture()
    const error = failureOf(() => fixture.register.add(integration('nope', 'CAD sync')))
    expect(error.code).toBe('not_found')
    expect(error.message).toMatch(/instance does not exist/)
  })

  it('keeps names unique per instance, ignoring case, on add and on update', () => {
    fixture = registerFixture()
    const { register } = fixture
    register.add(integration('inst-a', 'CAD sync'))
    const clash = failureOf(() => register.add(integration('inst-a', 'cad SYNC')))
    expect(clash.code).toBe('invalid_request')
    expect(clash.message).toContain('“CAD sync”')
    expect(clash.details).toEqual({ field: 'name' })
    expect(register.add(integration('inst-b', 'CAD sync')).instanceId).toBe('inst-b')
    const other = register.add(integration('inst-a', 'Payroll'))
    expect(failureOf(() => register.update(other.id, { name: 'Cad Sync' })).code).toBe('invalid_request')
    expect(register.update(other.id, { name: 'PAYROLL' }).name).toBe('PAYROLL')
  })
})

describe('integrations register: instances going away', () => {
  it('removes the integrations of a removed instance and says how many', () => {
    fixture = registerFixture()
    const { register, bus } = fixture
    const stop = register.listen()
    register.add(integration('inst-a', 'one'))
    register.add(integration('inst-a', 'two'))
    const kept = register.add(integration('inst-b', 'three'))
    const changes = collect(bus, 'integrations-changed')
    bus.emit('instance-changed', { instanceId: 'inst-a', change: 'removed', name: 'North' })
    expect(register.list()).toEqual([kept])
    expect(fixture.open().list()).toEqual([kept])
    expect(changes).toEqual([{ instanceId: 'inst-a', change: 'removed', name: null, count: 2 }])
    bus.emit('instance-changed', { instanceId: 'inst-b', change: 'updated', name: 'South' })
    expect(register.list()).toEqual([kept])
    stop()
  })
})

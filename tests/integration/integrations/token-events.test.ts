import { afterEach, describe, expect, it } from 'vitest'
import type { CoreEvents } from '../../../electron/main/services/event-bus'
import { collect, integration, registerFixture } from './fixtures'

let fixture: ReturnType<typeof registerFixture>
afterEach(() => fixture.cleanup())

const tokenEvent = (
  instanceId: string,
  change: CoreEvents['token-changed']['change'],
  hint: string | null = 'x9Qz',
): CoreEvents['token-changed'] => ({
  instanceId,
  change,
  hint,
  expiresAt: '2027-12-03T10:00:00.000Z',
})

function withIntegrations() {
  fixture = registerFixture()
  const { register } = fixture
  const stop = register.listen()
  const cad = register.add(integration('inst-a', 'CAD sync'))
  const payroll = register.add(integration('inst-a', 'Payroll'))
  const other = register.add(integration('inst-b', 'Station board'))
  return { register, stop, cad, payroll, other, changes: collect(fixture.bus, 'integrations-changed') }
}

describe('integrations follow token changes', () => {
  it('regenerate → every integration of that instance needs an update → marking one updated records when', () => {
    const { register, cad, payroll, other, changes } = withIntegrations()
    fixture.clock.advance(3_600_000)
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'regenerated'))
    expect(register.list({ instanceId: 'inst-a' }).map((item) => item.status)).toEqual([
      'needs-update',
      'needs-update',
    ])
    expect(register.get(other.id).status).toBe('current')
    expect(register.get(cad.id).updatedAt).toBe(cad.updatedAt)
    expect(changes).toEqual([{ instanceId: 'inst-a', change: 'needs-update', name: null, count: 2 }])
    expect(fixture.open().get(payroll.id).status).toBe('needs-update')

    fixture.clock.advance(60_000)
    const marked = register.markUpdated(cad.id)
    expect(marked).toEqual({ ...cad, status: 'current', updatedAt: '2026-12-03T11:01:00.000Z' })
    expect(register.get(payroll.id).status).toBe('needs-update')
    expect(changes.at(-1)).toEqual({ instanceId: 'inst-a', change: 'marked-updated', name: 'CAD sync' })
    expect(fixture.open().get(cad.id)).toEqual(marked)
  })

  it('a regeneration elsewhere, a removal and a revocation also flag them; only those still current are counted', () => {
    const { register, cad, changes } = withIntegrations()
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'replaced-elsewhere'))
    register.markUpdated(cad.id)
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'revoked'))
    expect(
      changes.filter((change) => change.change === 'needs-update').map((change) => change.count),
    ).toEqual([2, 1])
    register.markUpdated(cad.id)
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'removed'))
    expect(register.get(cad.id).status).toBe('needs-update')
  })

  it('a first token (generated, or pasted where none was known) changes nothing', () => {
    const { register, changes } = withIntegrations()
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'generated'))
    fixture.bus.emit('token-changed', tokenEvent('inst-b', 'pasted'))
    expect(register.list({ status: 'needs-update' })).toEqual([])
    expect(changes).toEqual([])
  })

  it('a paste over another known token flags them — known from earlier events or from the token cache at start', () => {
    const { register } = withIntegrations()
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'generated', 'x9Qz'))
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'pasted', 'p4St'))
    expect(register.list({ instanceId: 'inst-a', status: 'needs-update' })).toHaveLength(2)
    register.rememberTokens([{ instanceId: 'inst-b', hint: 'a1B2' }])
    fixture.bus.emit('token-changed', tokenEvent('inst-b', 'pasted', 'c3D4'))
    expect(register.list({ instanceId: 'inst-b', status: 'needs-update' })).toHaveLength(1)
  })

  it('pasting the token already known (the service one, after a regeneration elsewhere) flags nothing again', () => {
    const { register, cad } = withIntegrations()
    register.rememberTokens([{ instanceId: 'inst-a', hint: 'o1D0' }])
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'replaced-elsewhere', 'n3W1'))
    register.markUpdated(cad.id)
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'pasted', 'n3W1'))
    expect(register.get(cad.id).status).toBe('current')
    register.rememberTokens([{ instanceId: 'inst-b', hint: null }])
    fixture.bus.emit('token-changed', tokenEvent('inst-b', 'pasted', 'n3W1'))
    expect(register.list({ instanceId: 'inst-b', status: 'needs-update' })).toHaveLength(1)
  })

  it('a paste after the token was removed is a first token again', () => {
    const { register } = withIntegrations()
    register.rememberTokens([{ instanceId: 'inst-b', hint: 'a1B2' }])
    fixture.bus.emit('token-changed', tokenEvent('inst-b', 'removed'))
    const [station] = register.list({ instanceId: 'inst-b' })
    register.markUpdated(station!.id)
    fixture.bus.emit('token-changed', tokenEvent('inst-b', 'pasted'))
    expect(register.get(station!.id).status).toBe('current')
  })

  it('stops following the bus once unsubscribed', () => {
    const { register, stop } = withIntegrations()
    stop()
    fixture.bus.emit('token-changed', tokenEvent('inst-a', 'regenerated'))
    expect(register.list({ status: 'needs-update' })).toEqual([])
  })
})

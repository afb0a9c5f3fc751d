import { describe, expect, it } from 'vitest'
import { computeTrayState } from '../../../electron/main/services/tray-state'
import { useTimeZone } from './time-zone'

useTimeZone('UTC')

const now = new Date('2027-01-01T12:00:00.000Z')
const names: Record<string, string> = { a: 'Demo Fire Rescue', b: 'North County' }
const tokenExpiring = (instanceId: string, expiresAt: string) => ({ instanceId, expiresAt, createdAt: null, hint: 'abcd', stored: true })
const state = (...tokens: ReturnType<typeof tokenExpiring>[]) =>
  computeTrayState({ tokens, instanceName: (id) => names[id] ?? id, reminderDays: [90, 30, 7], now })

describe('tray state', () => {
  it('is ok with a friendly tooltip when there is no token', () => {
    expect(state()).toEqual({ level: 'ok', tooltip: 'Token Desk — no API tokens yet', instanceId: null })
  })

  // "Expiring" starts at the largest reminder offset, as on the token card.
  it('names the token that expires first and takes the worst level', () => {
    expect(state(tokenExpiring('a', '2027-05-11T12:00:00.000Z'))).toEqual({
      level: 'ok',
      tooltip: 'Token Desk — Demo Fire Rescue: expires in 130 days',
      instanceId: 'a',
    })
    expect(state(tokenExpiring('a', '2027-12-12T12:00:00.000Z'), tokenExpiring('b', '2027-03-01T12:00:00.000Z'))).toEqual({
      level: 'expiring',
      tooltip: 'Token Desk — North County: expires in 59 days (+1 more)',
      instanceId: 'b',
    })
    expect(state(tokenExpiring('a', '2026-12-30T12:00:00.000Z'), tokenExpiring('b', '2027-01-02T12:00:00.000Z'))).toEqual({
      level: 'expired',
      tooltip: 'Token Desk — Demo Fire Rescue: expired 2 days ago (+1 more)',
      instanceId: 'a',
    })
  })

  it('words the last days plainly', () => {
    expect(state(tokenExpiring('a', '2027-01-02T08:00:00.000Z')).tooltip).toBe('Token Desk — Demo Fire Rescue: expires tomorrow')
    expect(state(tokenExpiring('a', '2027-01-01T20:00:00.000Z')).tooltip).toBe('Token Desk — Demo Fire Rescue: expires today')
    expect(state(tokenExpiring('a', '2027-01-01T08:00:00.000Z'))).toMatchObject({ level: 'expired', tooltip: 'Token Desk — Demo Fire Rescue: expired today' })
    expect(state(tokenExpiring('a', '2026-12-31T08:00:00.000Z')).tooltip).toBe('Token Desk — Demo Fire Rescue: expired yesterday')
  })
})

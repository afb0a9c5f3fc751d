import { describe, expect, it } from 'vitest'
import { dependentsSentence, expiresInWords, planReminders, reminderMessage } from '../../../electron/main/services/reminder-plan'
import { useTimeZone } from './time-zone'

useTimeZone('Europe/London')

const token = { instanceId: 'inst|1', hint: 'k9Qz', createdAt: '2027-01-10T12:00:00.000Z', expiresAt: '2028-01-10T12:00:00.000Z', stored: true }

describe('reminder plan', () => {
  it('plans every offset and the expiry, with keys made of instance, token identity and offset', () => {
    expect(planReminders(token, [7, 90, 30, 30]).map((reminder) => [reminder.key, reminder.at.toISOString()])).toEqual([
      ['inst%7C1|2027-01-10T12:00:00.000Z|k9Qz|90', '2027-10-12T08:00:00.000Z'],
      ['inst%7C1|2027-01-10T12:00:00.000Z|k9Qz|30', '2027-12-11T09:00:00.000Z'],
      ['inst%7C1|2027-01-10T12:00:00.000Z|k9Qz|7', '2028-01-03T09:00:00.000Z'],
      ['inst%7C1|2027-01-10T12:00:00.000Z|k9Qz|expiry', '2028-01-10T12:00:00.000Z'],
    ])
  })

  it('skips offsets whose day was past at creation but keeps one falling on the creation day', () => {
    const created = (iso: string) => planReminders({ ...token, createdAt: iso }, [90, 30, 7]).map((reminder) => reminder.offsetDays)
    expect(created('2027-12-21T12:00:00.000Z')).toEqual([7, 0])
    expect(created('2027-12-11T18:00:00.000Z')).toEqual([30, 7, 0])
    expect(created('2027-12-12T08:00:00.000Z')).toEqual([7, 0])
    expect(created('2028-01-09T12:00:00.000Z')).toEqual([0])
  })

  it('identifies a token of unknown age by its expiry and keeps all its reminders', () => {
    const plan = planReminders({ ...token, createdAt: null }, [30])
    expect(plan.map((reminder) => reminder.key)).toEqual([
      'inst%7C1|exp:2028-01-10T12:00:00.000Z|k9Qz|30',
      'inst%7C1|exp:2028-01-10T12:00:00.000Z|k9Qz|expiry',
    ])
  })

  it('counts days left in local calendar days', () => {
    const expiry = new Date('2028-01-10T12:00:00.000Z')
    expect(expiresInWords(expiry, new Date('2027-12-11T09:00:00.000Z'))).toBe('expires in 30 days')
    expect(expiresInWords(expiry, new Date('2028-01-09T23:30:00.000Z'))).toBe('expires tomorrow')
    expect(expiresInWords(expiry, new Date('2028-01-10T00:30:00.000Z'))).toBe('expires today')
  })

  it('words reminders and the expiry with the number of dependent integrations', () => {
    const context = { instanceName: 'Demo Fire Rescue', expiresAt: new Date(token.expiresAt), integrationNames: ['A', 'B', 'C'] }
    expect(reminderMessage({ kind: 'reminder' }, { ...context, now: new Date('2027-12-11T09:00:00.000Z') })).toEqual({
      title: 'Demo Fire Rescue: API token expires in 30 days (2028-01-10)',
      body: '3 integrations depend on it. Open Token Desk to renew it.',
    })
    expect(reminderMessage({ kind: 'expiry' }, { ...context, now: new Date(token.expiresAt) })).toEqual({
      title: 'Demo Fire Rescue: API token has expired — API calls with it now fail',
      body: '3 integrations depend on it. Regenerate the token in Token Desk and update them.',
    })
    // A reminder shown after the expiry (a late catch-up) tells the truth.
    expect(reminderMessage({ kind: 'reminder' }, { ...context, now: new Date('2028-02-01T00:00:00.000Z') }).title).toContain('has expired')
    expect(dependentsSentence(['A'])).toBe('1 integration depends on it.')
    expect(dependentsSentence([])).toBe('No integrations are registered for it.')
  })
})

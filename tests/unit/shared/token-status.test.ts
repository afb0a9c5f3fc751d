import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { REMINDER_HOUR, daysLeft, describeDaysLeft, maskToken, reminderInstants, tokenStatus } from '@shared/token-status'

/** Runs the assertions with the process in `zone` (Node re-reads TZ when it changes). */
let savedZone: string | undefined
beforeEach(() => {
  savedZone = process.env.TZ
})
afterEach(() => {
  if (savedZone === undefined) delete process.env.TZ
  else process.env.TZ = savedZone
})
const inZone = (zone: string) => {
  process.env.TZ = zone
}
const local = (year: number, month: number, day: number, hour = 12, minute = 0) => new Date(year, month - 1, day, hour, minute)

describe('daysLeft: the expiry’s local calendar date minus today’s', () => {
  it('counts calendar days, not 24-hour periods', () => {
    inZone('Europe/Berlin')
    expect(daysLeft(local(2026, 6, 2, 0, 30), local(2026, 6, 1, 23, 30))).toBe(1)
    expect(daysLeft(local(2026, 6, 1, 23, 59), local(2026, 6, 1, 0, 1))).toBe(0)
    expect(daysLeft(local(2026, 5, 29, 8), local(2026, 6, 1, 8))).toBe(-3)
  })

  it('is unaffected by daylight-saving changes', () => {
    inZone('America/New_York')
    // Spring forward (8 March 2026): 47 real hours, 2 calendar days.
    expect(daysLeft(local(2026, 3, 9, 12), local(2026, 3, 7, 12))).toBe(2)
    // Fall back (1 November 2026): 49 real hours, 2 calendar days.
    expect(daysLeft(local(2026, 11, 2, 12), local(2026, 10, 31, 12))).toBe(2)
    // A whole year across both changes.
    expect(daysLeft(local(2027, 1, 15, 0, 0), local(2026, 1, 15, 23, 59))).toBe(365)
  })

  it('depends on the local zone for the same two instants', () => {
    const expires = new Date('2027-01-01T02:00:00Z')
    const now = new Date('2026-12-31T20:00:00Z')
    inZone('UTC')
    expect(daysLeft(expires, now)).toBe(1)
    inZone('America/Los_Angeles')
    expect(daysLeft(expires, now)).toBe(0)
    inZone('Asia/Tokyo')
    expect(daysLeft(expires, now)).toBe(0)
    inZone('Pacific/Kiritimati')
    expect(daysLeft(expires, now)).toBe(0)
    inZone('Pacific/Pago_Pago')
    expect(daysLeft(new Date('2027-01-01T12:00:00Z'), now)).toBe(1)
  })
})

describe('tokenStatus', () => {
  const reminders = [90, 30, 7]
  it('none, expired, expiring, active', () => {
    inZone('Europe/London')
    const now = local(2026, 6, 1, 12)
    expect(tokenStatus(null, now, reminders)).toBe('none')
    expect(tokenStatus(local(2026, 6, 1, 11, 59), now, reminders)).toBe('expired')
    expect(tokenStatus(now, now, reminders)).toBe('expired')
    expect(tokenStatus(local(2026, 6, 1, 12, 1), now, reminders)).toBe('expiring')
    expect(tokenStatus(local(2026, 8, 30, 12), now, reminders)).toBe('expiring') // 90 days left
    expect(tokenStatus(local(2026, 8, 31, 12), now, reminders)).toBe('active') // 91 days left
  })
  it('uses the largest offset, whatever the order, and the last day when there is none', () => {
    inZone('UTC')
    const now = local(2026, 6, 1, 12)
    expect(tokenStatus(local(2026, 7, 1, 12), now, [7, 30])).toBe('expiring')
    expect(tokenStatus(local(2026, 7, 2, 12), now, [30, 7])).toBe('active')
    expect(tokenStatus(local(2026, 6, 1, 23), now, [])).toBe('expiring')
    expect(tokenStatus(local(2026, 6, 2, 1), now, [])).toBe('active')
  })
})

describe('reminderInstants', () => {
  it('one per offset at the reminder hour on the local calendar day, plus the expiry, sorted', () => {
    inZone('Europe/Berlin')
    const expires = local(2027, 6, 1, 15, 30)
    const instants = reminderInstants(expires, [7, 30, 90, 30])
    expect(instants.map((instant) => [instant.kind, instant.offsetDays])).toEqual([
      ['reminder', 90],
      ['reminder', 30],
      ['reminder', 7],
      ['expiry', 0],
    ])
    expect(instants[0]!.at).toEqual(local(2027, 3, 3, REMINDER_HOUR))
    expect(instants[2]!.at).toEqual(local(2027, 5, 25, REMINDER_HOUR))
    expect(instants[3]!.at.getTime()).toBe(expires.getTime())
  })

  it('keeps the local reminder hour across a daylight-saving change', () => {
    inZone('America/New_York')
    const expires = local(2026, 3, 10, 8)
    const [week, day] = reminderInstants(expires, [7, 1])
    expect(week!.at.getHours()).toBe(REMINDER_HOUR)
    expect(week!.at.getDate()).toBe(3)
    expect(day!.at.getHours()).toBe(REMINDER_HOUR)
    expect(day!.at.getDate()).toBe(9)
    // EST before, EDT after: the UTC hours differ by one.
    expect(week!.at.getUTCHours() - day!.at.getUTCHours()).toBe(1)
  })

  it('puts a same-day reminder after an early expiry instant in time order', () => {
    inZone('UTC')
    const expires = local(2027, 1, 10, 6)
    const instants = reminderInstants(expires, [0])
    expect(instants.map((instant) => instant.kind)).toEqual(['expiry', 'reminder'])
  })
})

describe('words', () => {
  it('describes day counts and masks hints', () => {
    expect([2, 1, 0, -1, -5].map(describeDaysLeft)).toEqual(['2 days left', '1 day left', 'expires today', 'expired 1 day ago', 'expired 5 days ago'])
    expect(maskToken('abcd')).toBe('fdt_••••…abcd')
    expect(maskToken(null)).toBe('—')
  })
})

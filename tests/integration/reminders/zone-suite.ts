import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reminderWorld, useTimeZone, type ReminderWorld } from './fixture'

/** What 09:00 local "N days before the expiry's local date" is in UTC, worked out by hand for each zone. */
export type ZoneCase = {
  zone: string
  /** Minutes east of UTC on 2028-01-10 (checked, so a zone that did not take effect fails the suite). */
  januaryOffsetMinutes: number
  expected: { '90': string; '30': string; '7': string }
}

const createdAt = '2027-01-10T15:00:00.000Z'
const expiresAt = '2028-01-10T15:00:00.000Z'

/**
 * The same scenario in one time zone per test file (process.env.TZ is process-wide, so each zone gets its own
 * file and puts the previous zone back afterwards).
 */
export function zoneSuite(zoneCase: ZoneCase): void {
  useTimeZone(zoneCase.zone)

  describe(`reminder instants in ${zoneCase.zone}`, () => {
    let world: ReminderWorld
    beforeEach(() => {
      vi.useFakeTimers({ now: new Date(createdAt) })
      world = reminderWorld()
      world.instances.add('inst-1', 'Demo Fire Rescue')
      world.integrations.set('inst-1', ['CAD bridge', 'Payroll export'])
      world.tokens.set('inst-1', { createdAt, expiresAt, hint: 'k9Qz' })
    })
    afterEach(() => {
      world.cleanup()
      vi.useRealTimers()
    })

    it('runs in the intended zone', () => {
      expect(0 - new Date(expiresAt).getTimezoneOffset()).toBe(zoneCase.januaryOffsetMinutes)
    })

    it('schedules 09:00 local on each offset day and the expiry instant', () => {
      const scheduler = world.scheduler()
      expect(scheduler.start()).toEqual([])
      const { expected } = zoneCase
      expect(scheduler.scheduled().map((job) => [job.kind, job.offsetDays, job.at.toISOString()])).toEqual([
        ['reminder', 90, expected['90']],
        ['reminder', 30, expected['30']],
        ['reminder', 7, expected['7']],
        ['expiry', 0, expiresAt],
      ])
    })

    it('fires each notification at its instant as the clock runs for a year', () => {
      world.scheduler().start()
      vi.advanceTimersByTime(Date.parse(expiresAt) - Date.parse(createdAt) + 3_600_000)
      const { expected } = zoneCase
      expect(world.shown().map((shown) => shown.at)).toEqual([expected['90'], expected['30'], expected['7'], expiresAt])
      const titles = world.shown().map((shown) => shown.title)
      expect(titles[1]).toMatch(/^Demo Fire Rescue: API token expires in 30 days \(2028-01-1[01]\)$/)
      expect(titles[3]).toBe('Demo Fire Rescue: API token has expired — API calls with it now fail')
      expect(world.notifier.shown[1]?.body).toContain('2 integrations depend on it.')
      expect(world.events.filter((entry) => entry.event === 'reminder-fired').map((entry) => entry.payload)).toEqual([
        { instanceId: 'inst-1', kind: 'reminder', offsetDays: 90, expiresAt },
        { instanceId: 'inst-1', kind: 'reminder', offsetDays: 30, expiresAt },
        { instanceId: 'inst-1', kind: 'reminder', offsetDays: 7, expiresAt },
        { instanceId: 'inst-1', kind: 'expiry', offsetDays: 0, expiresAt },
      ])
    })
  })
}

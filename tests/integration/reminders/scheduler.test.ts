import { readFileSync, statSync } from 'node:fs'
import { createWallClockTimer } from '../../../electron/main/services/job-timer'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DAY, reminderWorld, useTimeZone, type ReminderWorld } from './fixture'

useTimeZone('Europe/Berlin')

// Berlin is UTC+1 in winter: 09:00 local = 08:00 UTC. 2028 is a leap year.
const createdAt = '2027-03-01T10:00:00.000Z'
const expiresAt = '2028-03-01T10:00:00.000Z'
const at90 = '2027-12-02T08:00:00.000Z'
const at30 = '2028-01-31T08:00:00.000Z'
const at7 = '2028-02-23T08:00:00.000Z'
const HOUR = 3_600_000

const runUntil = (iso: string) => vi.advanceTimersByTime(Date.parse(iso) - Date.now())

describe('reminder scheduler', () => {
  let world: ReminderWorld
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date(createdAt) })
    world = reminderWorld()
    world.instances.add('inst-1', 'Demo Fire Rescue')
    world.tokens.set('inst-1', { createdAt, expiresAt, hint: 'k9Qz' })
  })
  afterEach(() => {
    world.cleanup()
    vi.useRealTimers()
  })

  it('gives a token created with 20 days left the 7-day reminder and the expiry only', () => {
    vi.setSystemTime(new Date('2028-02-10T10:00:00.000Z'))
    world.tokens.set('inst-1', { createdAt: '2028-02-10T10:00:00.000Z', expiresAt, hint: 'k9Qz' })
    const scheduler = world.scheduler()
    expect(scheduler.start()).toEqual([])
    expect(scheduler.scheduled().map((job) => [job.offsetDays, job.at.toISOString()])).toEqual([
      [7, at7],
      [0, expiresAt],
    ])
    runUntil('2028-03-02T00:00:00.000Z')
    expect(world.shown().map((shown) => shown.at)).toEqual([at7, expiresAt])
  })

  it('fires each reminder once, across restarts', () => {
    world.scheduler().start()
    runUntil('2028-01-31T09:00:00.000Z')
    expect(world.shown().map((shown) => shown.at)).toEqual([at90, at30])
    world.closeSchedulers()

    const restarted = world.scheduler()
    expect(restarted.start()).toEqual([])
    expect(restarted.scheduled().map((job) => job.offsetDays)).toEqual([7, 0])
    runUntil('2028-03-02T00:00:00.000Z')
    expect(world.shown().map((shown) => shown.at)).toEqual([at90, at30, at7, expiresAt])
  })

  it('catches up after the app was closed with the most recent reminder only, once', () => {
    world.scheduler().start()
    world.closeSchedulers()
    vi.setSystemTime(new Date('2028-02-05T12:00:00.000Z'))

    const fired = world.scheduler().start()
    expect(fired.map((reminder) => reminder.offsetDays)).toEqual([30])
    expect(world.shown().map((shown) => shown.title)).toEqual(['Demo Fire Rescue: API token expires in 25 days (2028-03-01)'])
    world.closeSchedulers()
    expect(world.scheduler().start()).toEqual([])
    world.closeSchedulers()

    vi.setSystemTime(new Date('2028-03-03T12:00:00.000Z'))
    const afterExpiry = world.scheduler().start()
    expect(afterExpiry.map((reminder) => reminder.kind)).toEqual(['expiry'])
    world.closeSchedulers()
    expect(world.scheduler().start()).toEqual([])
    expect(world.shown().map((shown) => shown.title)).toEqual([
      'Demo Fire Rescue: API token expires in 25 days (2028-03-01)',
      'Demo Fire Rescue: API token has expired — API calls with it now fail',
    ])
  })

  it('reschedules when the token is regenerated and forgets the old token', () => {
    const scheduler = world.scheduler()
    scheduler.start()
    runUntil('2027-12-10T12:00:00.000Z')
    expect(world.shown()).toHaveLength(1)
    const newExpiry = '2028-12-10T12:00:00.000Z'
    world.changeToken('inst-1', { createdAt: '2027-12-10T12:00:00.000Z', expiresAt: newExpiry, hint: 'Zz42' }, 'regenerated')
    expect(scheduler.scheduled().map((job) => job.at.toISOString())).toEqual([
      '2028-09-11T07:00:00.000Z',
      '2028-11-10T08:00:00.000Z',
      '2028-12-03T08:00:00.000Z',
      newExpiry,
    ])
    const firedKeys = Object.keys(JSON.parse(readFileSync(world.openState().path, 'utf8')).fired)
    expect(firedKeys).toEqual([])
    runUntil('2028-03-05T00:00:00.000Z')
    expect(world.shown()).toHaveLength(1)
  })

  it('cancels every reminder when the token is removed', () => {
    const scheduler = world.scheduler()
    scheduler.start()
    world.removeToken('inst-1')
    expect(scheduler.scheduled()).toEqual([])
    runUntil('2028-03-05T00:00:00.000Z')
    expect(world.shown()).toEqual([])
  })

  it('cancels and forgets an instance that is removed', () => {
    const scheduler = world.scheduler()
    scheduler.start()
    runUntil('2027-12-03T00:00:00.000Z')
    const statePath = world.openState().path
    expect(Object.keys(JSON.parse(readFileSync(statePath, 'utf8')).fired)).toEqual(['inst-1|2027-03-01T10:00:00.000Z|k9Qz|90'])
    world.instances.remove('inst-1')
    world.tokens.delete('inst-1')
    world.bus.emit('instance-changed', { instanceId: 'inst-1', change: 'removed', name: 'Demo Fire Rescue' })
    expect(scheduler.scheduled()).toEqual([])
    expect(JSON.parse(readFileSync(statePath, 'utf8')).fired).toEqual({})
  })

  it('reschedules when the offsets change, without announcing a new offset that is already past', () => {
    const scheduler = world.scheduler()
    scheduler.start()
    runUntil('2027-12-20T12:00:00.000Z')
    world.setReminderDays([120, 14, 1])
    expect(world.shown().map((shown) => shown.at)).toEqual([at90])
    expect(scheduler.scheduled().map((job) => [job.offsetDays, job.at.toISOString()])).toEqual([
      [14, '2028-02-16T08:00:00.000Z'],
      [1, '2028-02-29T08:00:00.000Z'],
      [0, expiresAt],
    ])
    runUntil('2028-03-02T00:00:00.000Z')
    expect(world.shown().map((shown) => shown.at)).toEqual([at90, '2028-02-16T08:00:00.000Z', '2028-02-29T08:00:00.000Z', expiresAt])
  })

  it('re-checks after a sleep that outlasted a reminder, and does not repeat it when the timer catches up', () => {
    const scheduler = world.scheduler()
    scheduler.start()
    // A sleep: the wall clock jumps, the (monotonic) timers do not move.
    vi.setSystemTime(new Date(Date.parse(at90) + 6 * HOUR))
    expect(world.shown()).toEqual([])
    expect(scheduler.checkAll().map((reminder) => reminder.offsetDays)).toEqual([90])
    vi.advanceTimersByTime(60 * DAY)
    expect(world.shown().map((shown) => shown.title)).toEqual([
      'Demo Fire Rescue: API token expires in 90 days (2028-03-01)',
      'Demo Fire Rescue: API token expires in 30 days (2028-03-01)',
    ])
  })

  it('opens the token card when a notification is clicked', () => {
    world.scheduler().start()
    runUntil('2027-12-03T00:00:00.000Z')
    world.notifier.shown[0]?.click()
    expect(world.events.filter((entry) => entry.event === 'navigate').map((entry) => entry.payload)).toEqual([{ instanceId: 'inst-1', view: 'token' }])
    expect(world.events.find((entry) => entry.event === 'notice')?.payload).toEqual({
      level: 'warning',
      message: 'Demo Fire Rescue: API token expires in 90 days (2028-03-01)',
    })
  })

  it('reminds about a pasted token of unknown age with the most recent due reminder at once', () => {
    vi.setSystemTime(new Date('2028-02-05T12:00:00.000Z'))
    world.tokens.delete('inst-1')
    const scheduler = world.scheduler()
    scheduler.start()
    world.changeToken('inst-1', { createdAt: null, expiresAt, hint: 'P4st' }, 'pasted')
    expect(world.shown().map((shown) => shown.title)).toEqual(['Demo Fire Rescue: API token expires in 25 days (2028-03-01)'])
    expect(scheduler.scheduled().map((job) => job.offsetDays)).toEqual([7, 0])
  })

  it('keeps its state in a private file that holds no more than ids, dates and hints', () => {
    world.scheduler().start()
    runUntil('2027-12-03T00:00:00.000Z')
    const path = world.openState().path
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      fired: { 'inst-1|2027-03-01T10:00:00.000Z|k9Qz|90': at90 },
      sequences: {},
    })
  })

  it('reminds about every instance separately and names the dependent integrations', () => {
    world.instances.add('inst-2', 'North County')
    world.integrations.set('inst-2', ['Station boards'])
    world.tokens.set('inst-2', { createdAt, expiresAt: '2028-01-15T10:00:00.000Z', hint: 'Nn11' })
    world.scheduler().start()
    runUntil('2027-12-03T00:00:00.000Z')
    expect(world.notifier.shown.map((shown) => [shown.title, shown.body])).toEqual([
      ['North County: API token expires in 90 days (2028-01-15)', '1 integration depends on it. Open Token Desk to renew it.'],
      ['Demo Fire Rescue: API token expires in 90 days (2028-03-01)', 'No integrations are registered for it. Open Token Desk to renew it.'],
    ])
  })

  it('keeps one timer armed for the earliest reminder (plus the daily re-check), however many tokens', () => {
    for (let index = 2; index <= 50; index++) {
      world.instances.add(`inst-${index}`, `Department ${index}`)
      world.tokens.set(`inst-${index}`, { createdAt, expiresAt: new Date(Date.parse(expiresAt) + index * DAY).toISOString(), hint: 'Aa00' })
    }
    const timer = createWallClockTimer()
    const scheduler = world.scheduler({ timer })
    scheduler.start()
    expect(scheduler.scheduled()).toHaveLength(200)
    // The daily re-check runs at 00:01 Berlin time (23:01 UTC in winter).
    expect(timer.pending().map((at) => at.toISOString())).toEqual(['2027-03-01T23:01:00.000Z', at90])
    scheduler.close()
    expect(timer.pending()).toEqual([])
  })

  it('waits the right time when the app clock runs at an offset from the system clock (simulated dates)', () => {
    const offset = Date.parse(createdAt) - Date.parse('2026-06-01T00:00:00.000Z')
    vi.setSystemTime(new Date('2026-06-01T00:00:00.000Z'))
    world.scheduler({ now: () => new Date(Date.now() + offset) }).start()
    vi.advanceTimersByTime(Date.parse(at90) - Date.parse(createdAt) - 60_000)
    expect(world.notifier.shown).toHaveLength(0)
    vi.advanceTimersByTime(120_000)
    expect(world.notifier.shown.map((shown) => shown.title)).toEqual(['Demo Fire Rescue: API token expires in 90 days (2028-03-01)'])
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createWallClockTimer } from '../../../electron/main/services/job-timer'

const DAY = 86_400_000
const start = Date.parse('2027-01-01T00:00:00.000Z')

describe('wall-clock timer', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(start)
  })
  afterEach(() => vi.useRealTimers())

  it('fires once at an instant beyond setTimeout’s 24.8-day limit, not before', () => {
    const timer = createWallClockTimer()
    const fired: number[] = []
    const when = new Date(start + 40 * DAY)
    expect(timer.at(when, () => fired.push(Date.now()))).toBeTypeOf('function')
    expect(timer.pending()).toEqual([when])
    vi.advanceTimersByTime(40 * DAY - 1)
    expect(fired).toEqual([])
    vi.advanceTimersByTime(1)
    expect(fired).toEqual([when.getTime()])
    expect(timer.pending()).toEqual([])
    vi.advanceTimersByTime(10 * DAY)
    expect(fired).toHaveLength(1)
  })

  it('does not fire early when the system clock is set back, and catches up within an hour when it jumps ahead', () => {
    const timer = createWallClockTimer()
    let fired = 0
    timer.at(new Date(start + 2 * DAY), () => (fired += 1))
    vi.setSystemTime(start - 5 * DAY) // set back: the instant is now 7 days away
    vi.advanceTimersByTime(2 * DAY)
    expect(fired).toBe(0)
    vi.setSystemTime(start + 3 * DAY) // jumped past it
    vi.advanceTimersByTime(60 * 60 * 1000)
    expect(fired).toBe(1)
  })

  it('refuses an instant already past, and a cancelled job never runs', () => {
    const timer = createWallClockTimer()
    expect(timer.at(new Date(start), () => {})).toBeNull()
    let fired = 0
    const cancel = timer.at(new Date(start + DAY), () => (fired += 1))
    cancel!()
    expect(timer.pending()).toEqual([])
    vi.advanceTimersByTime(2 * DAY)
    expect(fired).toBe(0)
  })
})

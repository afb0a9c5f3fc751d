import { describe, expect, it } from 'vitest'
import { createClock } from '../../../service/clock'
import { sessionExpiry, tokenExpiry } from '../../../service/expiry'
import { createSignInLock } from '../../../service/sign-in-lock'

describe('token expiry', () => {
  it.each([
    ['2026-03-10T12:34:56.789Z', '2027-03-10T12:34:56.789Z'],
    ['2028-02-29T00:00:00.000Z', '2029-02-28T00:00:00.000Z'],
    ['2028-02-29T23:59:59.999Z', '2029-02-28T23:59:59.999Z'],
    ['2027-02-28T10:00:00.000Z', '2028-02-28T10:00:00.000Z'], // into a leap year: still the 28th
    ['2027-03-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z'],
    ['2026-12-31T23:59:59.000Z', '2027-12-31T23:59:59.000Z'],
  ])('a token created at %s expires at %s', (created, expires) => {
    expect(tokenExpiry(new Date(created)).toISOString()).toBe(expires)
  })

  it('a session lasts exactly 14 days', () => {
    expect(sessionExpiry(new Date('2026-03-20T12:00:00Z')).toISOString()).toBe('2026-04-03T12:00:00.000Z')
  })
})

describe('clock', () => {
  it('a given clock wins over now', () => {
    const fixed = new Date('2030-01-01T00:00:00Z')
    expect(createClock({ clock: () => fixed, now: '2020-01-01T00:00:00Z' })()).toBe(fixed)
  })

  it('now starts the clock there and it keeps running', async () => {
    const clock = createClock({ now: '2030-01-01T00:00:00Z' })
    const first = clock().getTime()
    expect(Math.abs(first - Date.parse('2030-01-01T00:00:00Z'))).toBeLessThan(1_000)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(clock().getTime()).toBeGreaterThan(first)
  })

  it('refuses an unparsable start', () => {
    expect(() => createClock({ now: 'next tuesday' })).toThrow(/Invalid start time/)
  })
})

describe('sign-in lock', () => {
  it('locks at 5 failures within 60 s and says when the oldest leaves the window', () => {
    let now = 0
    const lock = createSignInLock(() => new Date(now))
    for (let failure = 0; failure < 4; failure++) {
      lock.recordFailure('a@x')
      now += 10_000
    }
    expect(lock.retryAfterSeconds('a@x')).toBeNull()
    lock.recordFailure('a@x') // failures at 0, 10, 20, 30, 40 s
    expect(lock.retryAfterSeconds('a@x')).toBe(20)
    expect(lock.retryAfterSeconds('b@x')).toBeNull()
    now = 59_001
    expect(lock.retryAfterSeconds('a@x')).toBe(1)
    now = 60_000
    expect(lock.retryAfterSeconds('a@x')).toBeNull()
  })
})

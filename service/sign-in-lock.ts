import type { Clock } from './clock'

const MAX_FAILURES = 5
const WINDOW_MS = 60_000

/**
 * The sign-in lock: while an email has 5 or more failed sign-ins within the last 60 s, every sign-in for
 * it is refused without checking the password. Kept in memory: it only ever spans one minute.
 */
export function createSignInLock(clock: Clock) {
  const failures = new Map<string, number[]>()

  function recent(email: string, now: number): number[] {
    const kept = (failures.get(email) ?? []).filter((at) => at > now - WINDOW_MS)
    if (kept.length === 0) failures.delete(email)
    else failures.set(email, kept)
    return kept
  }

  return {
    /** Seconds until the oldest counted failure leaves the window, or null when not locked. */
    retryAfterSeconds(email: string): number | null {
      const now = clock().getTime()
      const kept = recent(email, now)
      if (kept.length < MAX_FAILURES) return null
      return Math.max(1, Math.ceil(((kept[0] as number) + WINDOW_MS - now) / 1000))
    },
    recordFailure(email: string): void {
      const now = clock().getTime()
      failures.set(email, [...recent(email, now), now])
    },
  }
}
export type SignInLock = ReturnType<typeof createSignInLock>

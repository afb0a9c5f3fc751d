/** Runs a callback at a wall-clock instant; returns a cancel function, or null when the instant is already past. */
export interface JobTimer {
  at(when: Date, run: () => void): (() => void) | null
}

/** A timer that also says what it is waiting for (tests, and anyone curious what is armed). */
export interface WallClockTimer extends JobTimer {
  pending(): Date[]
}

/** Longest single wait: under setTimeout's 24.8-day limit, and short enough to notice a changed system clock. */
const STEP_MS = 60 * 60 * 1000

/**
 * One-off jobs by the system clock. A wait is cut into steps of at most an hour and re-checks the clock after
 * each, so delays beyond setTimeout's limit work and a clock set back does not fire early. (It replaced
 * node-schedule, whose first job cost 10–15 ms at every start — its date library setting up time zones — for
 * what is this loop.) Timers do not keep the process alive: the app's own lifetime decides that.
 */
export function createWallClockTimer(): WallClockTimer {
  const waiting = new Set<Date>()
  return {
    at(when, run) {
      if (when.getTime() <= Date.now()) return null
      let handle: ReturnType<typeof setTimeout> | undefined
      const wait = () => {
        const left = when.getTime() - Date.now()
        if (left <= 0) {
          waiting.delete(when)
          return run()
        }
        handle = setTimeout(wait, Math.min(left, STEP_MS))
        handle.unref?.()
      }
      waiting.add(when)
      wait()
      return () => {
        waiting.delete(when)
        clearTimeout(handle)
      }
    },
    pending: () => [...waiting].sort((a, b) => a.getTime() - b.getTime()),
  }
}

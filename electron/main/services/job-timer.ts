import { scheduleJob } from 'node-schedule'

/** Runs a callback at a wall-clock instant; returns a cancel function, or null when the instant is already past. */
export interface JobTimer {
  at(when: Date, run: () => void): (() => void) | null
}

/**
 * One-off node-schedule jobs. node-schedule re-checks the wall clock when its timer fires (so a clock set back
 * does not fire early) and handles delays beyond setTimeout's 24.8-day limit. It refuses instants already past
 * by the system clock; callers cover those with their own catch-up check.
 */
export const nodeScheduleTimer: JobTimer = {
  at(when, run) {
    const job = scheduleJob(when, run)
    return job && (() => void job.cancel())
  },
}

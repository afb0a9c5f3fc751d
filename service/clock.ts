/** The service's notion of "now". Every expiry, lock window and audit timestamp reads it. */
export type Clock = () => Date

/**
 * `clock` wins (tests control time fully); otherwise `now` sets where the clock starts and it then runs in
 * real time (demos of expiry, `--now`); otherwise real time.
 */
export function createClock(options: { clock?: Clock; now?: string | Date }): Clock {
  if (options.clock) return options.clock
  if (options.now === undefined) return () => new Date()
  const start = options.now instanceof Date ? options.now.getTime() : Date.parse(options.now)
  if (Number.isNaN(start)) throw new Error(`Invalid start time for the clock: ${String(options.now)}`)
  const offset = start - Date.now()
  return () => new Date(Date.now() + offset)
}

/** The contract's timestamps: ISO 8601 UTC with milliseconds. */
export const iso = (date: Date): string => date.toISOString()

import { afterAll } from 'vitest'

/** Runs this test file in `zone` (TZ is process-wide: put back whatever was there when the file is done). */
export function useTimeZone(zone: string): void {
  const previousZone = process.env.TZ
  process.env.TZ = zone
  afterAll(() => {
    if (previousZone === undefined) delete process.env.TZ
    else process.env.TZ = previousZone
  })
}

import type { TokenStatus } from './contract/models'

const DAY_MS = 86_400_000
/** Local hour at which a day-offset reminder fires. */
export const REMINDER_HOUR = 9

/** Midnight of `date`'s local calendar day, as a day number (immune to DST: computed via UTC of the local date). */
const localDayNumber = (date: Date): number =>
  Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS)

/** Days left = the expiry's local calendar date minus today's local date (negative once past). */
export function daysLeft(expiresAt: Date, now: Date): number {
  return localDayNumber(expiresAt) - localDayNumber(now)
}

/** none / expired / expiring (days left ≤ the largest reminder offset) / active. */
export function tokenStatus(expiresAt: Date | null, now: Date, reminderDays: readonly number[]): TokenStatus {
  if (!expiresAt) return 'none'
  if (now.getTime() >= expiresAt.getTime()) return 'expired'
  const horizon = reminderDays.length > 0 ? Math.max(...reminderDays) : 0
  return daysLeft(expiresAt, now) <= horizon ? 'expiring' : 'active'
}

export type ReminderInstant = { kind: 'reminder'; offsetDays: number; at: Date } | { kind: 'expiry'; offsetDays: 0; at: Date }

/**
 * One reminder per offset at REMINDER_HOUR local time, `offset` calendar days before the expiry's local date,
 * plus one at the expiry instant itself. Sorted by time; duplicates of an offset are dropped.
 */
export function reminderInstants(expiresAt: Date, offsets: readonly number[]): ReminderInstant[] {
  const reminders: ReminderInstant[] = [...new Set(offsets)].map((offsetDays) => ({
    kind: 'reminder',
    offsetDays,
    at: new Date(expiresAt.getFullYear(), expiresAt.getMonth(), expiresAt.getDate() - offsetDays, REMINDER_HOUR),
  }))
  reminders.push({ kind: 'expiry', offsetDays: 0, at: new Date(expiresAt.getTime()) })
  return reminders.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** "N days left", "expires today", "expired N days ago" — plain words for a day count. */
export function describeDaysLeft(days: number): string {
  if (days > 1) return `${days} days left`
  if (days === 1) return '1 day left'
  if (days === 0) return 'expires today'
  if (days === -1) return 'expired 1 day ago'
  return `expired ${-days} days ago`
}

/** The token's hint as shown masked: fdt_••••…abcd. */
export const maskToken = (hint: string | null): string => (hint ? `fdt_••••…${hint}` : '—')

const SESSION_LIFETIME_MS = 14 * 86_400_000

/** A session lasts 14 days. */
export const SESSION_LIFETIME_SECONDS = SESSION_LIFETIME_MS / 1000
export const sessionExpiry = (createdAt: Date): Date => new Date(createdAt.getTime() + SESSION_LIFETIME_MS)

/**
 * A user token expires at the same UTC instant one year later. 29 February has no twin the next year:
 * it expires on 28 February (never rolls into March, which would give the token an extra day).
 */
export function tokenExpiry(createdAt: Date): Date {
  const year = createdAt.getUTCFullYear() + 1
  const month = createdAt.getUTCMonth()
  const lastDayOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  const day = Math.min(createdAt.getUTCDate(), lastDayOfMonth)
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      createdAt.getUTCHours(),
      createdAt.getUTCMinutes(),
      createdAt.getUTCSeconds(),
      createdAt.getUTCMilliseconds(),
    ),
  )
}

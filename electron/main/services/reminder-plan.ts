import { daysLeft, reminderInstants, type ReminderInstant } from '@shared/token-status'
import type { TokenSummary } from '../core-context'

/** A token that can be reminded about: it has a known expiry. */
export type RemindableToken = TokenSummary & { expiresAt: string }

export type PlannedReminder = ReminderInstant & {
  /** Persisted "already fired" key: instance + token identity + offset. Never contains the secret. */
  key: string
}

const DAY_MS = 86_400_000
const localDayNumber = (date: Date) => Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS)

export const isRemindable = (token: TokenSummary | undefined): token is RemindableToken =>
  Boolean(token && token.expiresAt && !Number.isNaN(Date.parse(token.expiresAt)))

/**
 * Identifies one token without its secret: when it was made plus its 4-character hint. A pasted token whose
 * creation time is unknown is identified by its expiry instead.
 */
export const tokenIdentity = (token: RemindableToken): string => `${token.createdAt ?? `exp:${token.expiresAt}`}|${token.hint ?? ''}`

/** Fired-key prefix shared by every reminder of one token of one instance. */
export const identityPrefix = (token: RemindableToken): string => `${encodeURIComponent(token.instanceId)}|${tokenIdentity(token)}|`

/** The instance a fired key belongs to (ids are URI-encoded in keys so a '|' in an id cannot confuse this). */
export const keyInstanceId = (key: string): string => decodeURIComponent(key.slice(0, key.indexOf('|')))

/**
 * The reminders this token gets: one per offset plus the expiry. Offsets whose local day was already past when
 * the token was created are left out (a token made with 20 days left gets the 7-day reminder only).
 */
export function planReminders(token: RemindableToken, offsets: readonly number[]): PlannedReminder[] {
  const expiresAt = new Date(token.expiresAt)
  const createdDay = token.createdAt ? localDayNumber(new Date(token.createdAt)) : null
  const prefix = identityPrefix(token)
  return reminderInstants(expiresAt, offsets)
    .filter((reminder) => reminder.kind === 'expiry' || createdDay === null || localDayNumber(reminder.at) >= createdDay)
    .map((reminder) => ({ ...reminder, key: prefix + (reminder.kind === 'expiry' ? 'expiry' : String(reminder.offsetDays)) }))
}

const pad = (value: number) => String(value).padStart(2, '0')
/** The local calendar date as YYYY-MM-DD. */
export const localIsoDate = (date: Date): string => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`

/** "expires in 30 days", "expires tomorrow", "expires today" — counted in local calendar days from `now`. */
export function expiresInWords(expiresAt: Date, now: Date): string {
  const days = daysLeft(expiresAt, now)
  if (days > 1) return `expires in ${days} days`
  if (days === 1) return 'expires tomorrow'
  return 'expires today'
}

export const dependentsSentence = (names: readonly string[]): string => {
  if (names.length === 0) return 'No integrations are registered for it.'
  return names.length === 1 ? '1 integration depends on it.' : `${names.length} integrations depend on it.`
}

export type ReminderMessage = { title: string; body: string }

/** The words of a reminder notification. Holds names and dates only, never the token. */
export function reminderMessage(
  reminder: { kind: 'reminder' | 'expiry' },
  context: { instanceName: string; expiresAt: Date; now: Date; integrationNames: readonly string[] },
): ReminderMessage {
  const { instanceName, expiresAt, now, integrationNames } = context
  if (reminder.kind === 'expiry' || now.getTime() >= expiresAt.getTime()) {
    return {
      title: `${instanceName}: API token has expired — API calls with it now fail`,
      body: `${dependentsSentence(integrationNames)} Regenerate the token in Token Desk and update them.`,
    }
  }
  return {
    title: `${instanceName}: API token ${expiresInWords(expiresAt, now)} (${localIsoDate(expiresAt)})`,
    body: `${dependentsSentence(integrationNames)} Open Token Desk to renew it.`,
  }
}

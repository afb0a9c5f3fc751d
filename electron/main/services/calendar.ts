import type { EventAttributes } from 'ics'
import type { ExportFile } from '@shared/contract'
import { localIsoDate, planReminders, type PlannedReminder, type RemindableToken } from './reminder-plan'

export type CalendarInput = {
  instanceName: string
  token: RemindableToken
  offsets: readonly number[]
  integrationNames: readonly string[]
  /** Raised whenever the instance's token changes, so re-importing moves the events instead of duplicating them. */
  sequence: number
  now: Date
}

const EVENT_MINUTES = 30
const ALARM_MINUTES_BEFORE = 15
const encoder = new TextEncoder()

/** Stable per instance and reminder: the same UID after a regenerate, so calendars update the event. */
export const calendarUid = (instanceId: string, reminder: Pick<PlannedReminder, 'kind' | 'offsetDays'>): string =>
  `${encodeURIComponent(instanceId)}-${reminder.kind === 'expiry' ? 'expiry' : `renew-${reminder.offsetDays}d`}@token-desk`

// `ics` escapes SUMMARY and DESCRIPTION but neither an alarm's DESCRIPTION nor the calendar name.
const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/**
 * RFC 5545 §3.1: lines end in CRLF and are folded at 75 octets. `ics` folds at 75 characters, which overshoots
 * with multi-byte text (the em dash, accented names), so its output is unfolded and folded again by octets,
 * never inside a UTF-8 sequence.
 */
export function foldIcs(text: string): string {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    // The first line holds 75 octets; continuation lines start with a space, leaving 74.
    const limit = parts.length === 0 ? 75 : 74
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

function describe(input: CalendarInput, expiresAt: Date): string {
  const time = expiresAt.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
  const integrations =
    input.integrationNames.length === 0
      ? 'Dependent integrations: none registered in Token Desk.'
      : `Dependent integrations (${input.integrationNames.length}):\n${input.integrationNames.map((name) => `- ${name}`).join('\n')}`
  return [
    `The First Due API token of ${input.instanceName} expires on ${localIsoDate(expiresAt)} at ${time} (local time).`,
    integrations,
    'Regenerate it in Token Desk, then update every integration with the new token.',
  ].join('\n\n')
}

function event(input: CalendarInput, reminder: PlannedReminder, summary: string, description: string): EventAttributes & { timestamp: number } {
  const alarmText =
    reminder.kind === 'expiry'
      ? `${input.instanceName}: API token has expired — API calls with it now fail`
      : `${input.instanceName}: API token expires in ${reminder.offsetDays} days (${localIsoDate(new Date(input.token.expiresAt))})`
  return {
    uid: calendarUid(input.token.instanceId, reminder),
    sequence: input.sequence,
    timestamp: input.now.getTime(),
    start: reminder.at.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: EVENT_MINUTES },
    title: summary,
    description,
    status: 'CONFIRMED',
    busyStatus: 'FREE',
    transp: 'TRANSPARENT',
    categories: ['Token Desk'],
    alarms: [{ action: 'display', description: escapeText(alarmText), trigger: { minutes: ALARM_MINUTES_BEFORE, before: true } }],
  }
}

const slug = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60) || 'instance'

/**
 * The renewal calendar of one instance's token: one event per reminder Token Desk schedules and one at the
 * expiry, each with one display alarm. Names and dates only: the token itself never enters the file.
 * (`ics` is loaded on the first export: with its validation library it is start-up time most runs never need.)
 */
export async function buildCalendar(input: CalendarInput): Promise<ExportFile> {
  const { createEvents } = await import('ics')
  const expiresAt = new Date(input.token.expiresAt)
  const summary = `Renew First Due API token (${input.instanceName}) — expires ${localIsoDate(expiresAt)}`
  const description = describe(input, expiresAt)
  const events = planReminders(input.token, input.offsets).map((reminder) => event(input, reminder, summary, description))
  const { error, value } = createEvents(events, { productId: '-//Token Desk//Renewal reminders//EN', calName: escapeText(`Token Desk — ${input.instanceName}`) })
  if (error || value === null) throw error ?? new Error('The calendar could not be created')
  return { filename: `token-desk-${slug(input.instanceName)}-renewal.ics`, mimeType: 'text/calendar', text: foldIcs(value) }
}

import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { buildCalendar, calendarUid, foldIcs, type CalendarInput } from '../../../electron/main/services/calendar'
import { useTimeZone } from './time-zone'

useTimeZone('America/Chicago')

const token = { instanceId: 'inst-1', hint: 'k9Qz', createdAt: '2026-12-03T15:00:00.000Z', expiresAt: '2027-12-03T15:00:00.000Z', stored: true }
const input: CalendarInput = {
  instanceName: 'Demo Fire Rescue',
  token,
  offsets: [90, 30, 7],
  integrationNames: ['CAD bridge', 'Payroll export, nightly', 'Station; boards'],
  sequence: 3,
  now: new Date('2026-12-04T10:11:12.000Z'),
}

const parse = (text: string) => new ICAL.Component(ICAL.parse(text))
const events = (text: string) => parse(text).getAllSubcomponents('vevent')
const text = (component: ICAL.Component, name: string) => String(component.getFirstPropertyValue(name))
const time = (component: ICAL.Component, name: string) => (component.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString()

describe('renewal calendar (.ics)', async () => {
  const file = await buildCalendar(input)

  it('is an iCalendar file named after the instance', () => {
    expect(file.filename).toBe('token-desk-demo-fire-rescue-renewal.ics')
    expect(file.mimeType).toBe('text/calendar')
    expect(text(parse(file.text), 'version')).toBe('2.0')
  })

  it('has one event per reminder and one at the expiry, at 09:00 local and at the expiry instant', () => {
    // Chicago: 09:00 CDT = 14:00 UTC in September, 09:00 CST = 15:00 UTC in November.
    expect(events(file.text).map((event) => [text(event, 'uid'), time(event, 'dtstart')])).toEqual([
      ['inst-1-renew-90d@token-desk', '2027-09-04T14:00:00.000Z'],
      ['inst-1-renew-30d@token-desk', '2027-11-03T14:00:00.000Z'],
      ['inst-1-renew-7d@token-desk', '2027-11-26T15:00:00.000Z'],
      ['inst-1-expiry@token-desk', '2027-12-03T15:00:00.000Z'],
    ])
  })

  it('gives every event a summary, a description naming the integrations, SEQUENCE and DTSTAMP', () => {
    for (const event of events(file.text)) {
      expect(text(event, 'summary')).toBe('Renew First Due API token (Demo Fire Rescue) — expires 2027-12-03')
      const description = text(event, 'description')
      expect(description).toContain('Dependent integrations (3):\n- CAD bridge\n- Payroll export, nightly\n- Station; boards')
      expect(description).toContain('expires on 2027-12-03 at 09:00 (local time)')
      expect(event.getFirstPropertyValue('sequence')).toBe(3)
      expect(time(event, 'dtstamp')).toBe('2026-12-04T10:11:12.000Z')
      expect(String(event.getFirstPropertyValue('duration'))).toBe('PT30M')
    }
  })

  it('gives every event exactly one display alarm', () => {
    const alarms = events(file.text).map((event) => event.getAllSubcomponents('valarm'))
    expect(alarms.map((list) => list.length)).toEqual([1, 1, 1, 1])
    for (const [alarm] of alarms) {
      expect(text(alarm!, 'action')).toBe('DISPLAY')
      expect(String(alarm!.getFirstPropertyValue('trigger'))).toBe('-PT15M')
    }
    expect(alarms.map(([alarm]) => text(alarm!, 'description'))).toEqual([
      'Demo Fire Rescue: API token expires in 90 days (2027-12-03)',
      'Demo Fire Rescue: API token expires in 30 days (2027-12-03)',
      'Demo Fire Rescue: API token expires in 7 days (2027-12-03)',
      'Demo Fire Rescue: API token has expired — API calls with it now fail',
    ])
  })

  it('uses CRLF line endings and folds lines at 75 octets', () => {
    expect(file.text.endsWith('\r\n')).toBe(true)
    expect(file.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = file.text.split('\r\n').slice(0, -1)
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(lines.some((line) => line.startsWith(' '))).toBe(true)
  })

  it('folds multi-byte names by octets without splitting a character', async () => {
    const long = await buildCalendar({ ...input, instanceName: 'Feuerwehr Überlingen–Süd — Größere Rettungswache Nördlich des Sees' })
    const lines = long.text.split('\r\n').slice(0, -1)
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(long.text).not.toContain('\uFFFD')
    expect(text(events(long.text)[0]!, 'summary')).toBe(
      'Renew First Due API token (Feuerwehr Überlingen–Süd — Größere Rettungswache Nördlich des Sees) — expires 2027-12-03',
    )
  })

  it('keeps UIDs and raises SEQUENCE after a regenerate, so calendars move the events', async () => {
    const regenerated = await buildCalendar({
      ...input,
      token: { ...token, hint: 'Zz42', createdAt: '2027-02-01T15:00:00.000Z', expiresAt: '2028-02-01T15:00:00.000Z' },
      sequence: 4,
    })
    const before = events(file.text)
    const after = events(regenerated.text)
    expect(after.map((event) => text(event, 'uid'))).toEqual(before.map((event) => text(event, 'uid')))
    expect(after.map((event) => event.getFirstPropertyValue('sequence'))).toEqual([4, 4, 4, 4])
    expect(time(after[3]!, 'dtstart')).toBe('2028-02-01T15:00:00.000Z')
  })

  it('leaves out reminders whose day was past when the token was created', async () => {
    const late = await buildCalendar({ ...input, token: { ...token, createdAt: '2027-11-13T15:00:00.000Z' } })
    expect(events(late.text).map((event) => text(event, 'uid'))).toEqual(['inst-1-renew-7d@token-desk', 'inst-1-expiry@token-desk'])
  })

  it('holds no token material', () => {
    expect(file.text).not.toContain('k9Qz')
    expect(file.text).not.toMatch(/fdt_/)
  })

  it('says so when no integration is registered', async () => {
    const lonely = await buildCalendar({ ...input, integrationNames: [] })
    expect(text(events(lonely.text)[0]!, 'description')).toContain('Dependent integrations: none registered in Token Desk.')
  })
})

describe('calendar helpers', () => {
  it('makes UIDs that do not change with the token and escape odd instance ids', () => {
    expect(calendarUid('a b|c', { kind: 'reminder', offsetDays: 30 })).toBe('a%20b%7Cc-renew-30d@token-desk')
    expect(calendarUid('x', { kind: 'expiry', offsetDays: 0 })).toBe('x-expiry@token-desk')
  })

  it('refolds tab-folded, LF-terminated text into CRLF lines of at most 75 octets', () => {
    const input = `BEGIN:VCALENDAR\nX-LONG:${'é'.repeat(40)}\n\t${'ü'.repeat(40)}\nEND:VCALENDAR\n`
    const folded = foldIcs(input)
    expect(folded.startsWith('BEGIN:VCALENDAR\r\nX-LONG:')).toBe(true)
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VCALENDAR\r\nX-LONG:${'é'.repeat(40)}${'ü'.repeat(40)}\r\nEND:VCALENDAR\r\n`)
  })
})

import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { AuditEvent } from '@shared/contract'
import { AUDIT_CSV_COLUMNS, auditCsv, auditExportFile, filterAuditEvents } from '../../../electron/main/services/audit-export'

const events: AuditEvent[] = [
  { at: '2027-06-01T10:03:00.000Z', type: 'api_access.disabled', actorId: '1', subjectId: '2' },
  { at: '2027-06-01T10:02:00.000Z', type: 'token.regenerated', actorId: '2', subjectId: '2' },
  { at: '2027-06-01T10:01:00.000Z', type: 'token.generated', actorId: '1', subjectId: '1' },
  { at: '2027-06-01T10:00:00.000Z', type: 'auth.failed', actorId: null, subjectId: null },
]
const users = [
  { id: '1', name: 'Ada Admin', email: 'admin@demo.test' },
  { id: '2', name: '=HYPERLINK("http://x","y")', email: '+api@demo.test' },
]

describe('filterAuditEvents', () => {
  it('filters by type, by user (actor or subject), by both, and keeps the order', () => {
    expect(filterAuditEvents(events, { type: 'token.generated' }).map((e) => e.at)).toEqual(['2027-06-01T10:01:00.000Z'])
    expect(filterAuditEvents(events, { userId: '2' }).map((e) => e.type)).toEqual(['api_access.disabled', 'token.regenerated'])
    expect(filterAuditEvents(events, { type: 'token.regenerated', userId: '1' })).toEqual([])
    expect(filterAuditEvents(events, { type: ' ', userId: '' })).toEqual(events)
  })
})

describe('auditCsv', () => {
  it('writes a header and one row per event, with user names, formula-safe', () => {
    const text = auditCsv(events, users)
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text).toContain('\r\n')
    const rows = parse(text, { bom: true }) as string[][]
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS])
    expect(rows).toHaveLength(events.length + 1)
    expect(rows[3]).toEqual(['2027-06-01T10:01:00.000Z', 'token.generated', '1', 'Ada Admin <admin@demo.test>', '1', 'Ada Admin <admin@demo.test>'])
    expect(rows[4]).toEqual(['2027-06-01T10:00:00.000Z', 'auth.failed', '', '', '', ''])
    // A cell that a spreadsheet would run as a formula starts with an apostrophe.
    expect(rows[1]?.[5]).toBe(`'=HYPERLINK("http://x","y") <+api@demo.test>`)
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('escapes a formula in any column, e.g. a type the service invents', () => {
    const rows = parse(auditCsv([{ at: '2027-06-01T10:00:00.000Z', type: '@SUM(A1)', actorId: '-1', subjectId: null }]), { bom: true }) as string[][]
    expect(rows[1]?.slice(0, 3)).toEqual(['2027-06-01T10:00:00.000Z', "'@SUM(A1)", "'-1"])
  })

  it('names the file after the instance and the day', () => {
    const file = auditExportFile({ instanceName: 'Demo Fire Rescue (sandbox)', now: new Date('2027-06-01T23:00:00Z'), events })
    expect(file.filename).toBe('audit-demo-fire-rescue-sandbox-2027-06-01.csv')
    expect(file.mimeType).toBe('text/csv')
    expect(parse(file.text, { bom: true })).toHaveLength(events.length + 1)
  })
})

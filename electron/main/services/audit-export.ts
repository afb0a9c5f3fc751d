import { stringify } from 'csv-stringify/sync'
import type { AdminUser, AuditEvent, ExportFile } from '@shared/contract'
// The integrations export's formula escaping: one rule for every CSV Token Desk writes.
import { escapeCell } from './integrations-transfer'

export type AuditFilter = { type?: string | undefined; userId?: string | undefined }

/** Events of one type and/or involving one user (as the actor or as the subject); order is kept. */
export function filterAuditEvents(events: readonly AuditEvent[], filter: AuditFilter): AuditEvent[] {
  const type = filter.type?.trim() || null
  const userId = filter.userId?.trim() || null
  return events.filter(
    (event) => (type === null || event.type === type) && (userId === null || event.actorId === userId || event.subjectId === userId),
  )
}

const describeUser = (users: ReadonlyMap<string, Pick<AdminUser, 'name' | 'email'>>, id: string | null): string => {
  if (id === null) return ''
  const user = users.get(id)
  return user ? `${user.name} <${user.email}>` : ''
}

export const AUDIT_CSV_COLUMNS = ['at', 'type', 'actor_id', 'actor', 'subject_id', 'subject'] as const

/** The audit events as CSV (header + one row per event), names resolved from `users` when known. */
export function auditCsv(events: readonly AuditEvent[], users: readonly Pick<AdminUser, 'id' | 'name' | 'email'>[] = []): string {
  const byId = new Map(users.map((user) => [user.id, user]))
  const rows = events.map((event) => [
    event.at,
    event.type,
    event.actorId ?? '',
    describeUser(byId, event.actorId),
    event.subjectId ?? '',
    describeUser(byId, event.subjectId),
  ])
  // Same file shape as the integrations export: UTF-8 with BOM (Excel), CRLF, every cell formula-escaped.
  return stringify(
    rows.map((row) => row.map(escapeCell)),
    { bom: true, header: true, columns: [...AUDIT_CSV_COLUMNS], record_delimiter: 'windows' },
  )
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'instance'

/** The export as a file the renderer offers for download: `audit-<instance>-<YYYY-MM-DD>.csv`. */
export function auditExportFile(input: {
  instanceName: string
  now: Date
  events: readonly AuditEvent[]
  users?: readonly Pick<AdminUser, 'id' | 'name' | 'email'>[]
}): ExportFile {
  return {
    filename: `audit-${slug(input.instanceName)}-${input.now.toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    text: auditCsv(input.events, input.users),
  }
}

import type { Db } from './open'

export type AuditEventType =
  | 'token.generated'
  | 'token.regenerated'
  | 'token.removed'
  | 'api_access.enabled'
  | 'api_access.disabled'
  | 'auth.failed'
  | 'auth.signed_in'
  | 'auth.signed_out'

export interface AuditEvent {
  at: string
  type: AuditEventType
  actor_id: number | null
  subject_id: number | null
}

export function auditQueries(db: Db) {
  const insert = db.prepare('INSERT INTO audit_events (at, type, actor_id, subject_id) VALUES (?, ?, ?, ?)')
  // Newest first = most recently recorded (ids grow with every insert, whatever the clock did).
  const newest = db.prepare(
    'SELECT at, type, actor_id, subject_id FROM audit_events ORDER BY id DESC LIMIT ?',
  )

  return {
    record: (event: AuditEvent): void =>
      void insert.run(event.at, event.type, event.actor_id, event.subject_id),
    newest: (limit: number): AuditEvent[] =>
      (newest.all(limit) as AuditEvent[]).map((row) => ({
        at: row.at,
        type: row.type,
        actor_id: row.actor_id,
        subject_id: row.subject_id,
      })),
  }
}
export type AuditQueries = ReturnType<typeof auditQueries>

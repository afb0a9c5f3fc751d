import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { Icon } from '../components/Icon'
import { EmptyState, Loading } from '../components/States'
import { formatDateTime } from '../lib/format'

/** Event types the service records (the filter offers these even before one has happened). */
const auditTypes = [
  'token.generated',
  'token.regenerated',
  'token.removed',
  'api_access.enabled',
  'api_access.disabled',
  'auth.failed',
]

/** The service's audit trail, newest first, filterable by type and user, exportable as CSV. */
export function AuditLog() {
  const events = useApp((state) => state.admin.audit)
  const status = useApp((state) => state.admin.auditStatus)
  const error = useApp((state) => state.admin.auditError)
  const filter = useApp((state) => state.admin.auditFilter)
  const users = useApp((state) => state.admin.users)
  const setFilter = useApp((state) => state.admin.setAuditFilter)
  const exportAudit = useApp((state) => state.admin.exportAudit)
  const nameOf = (id: string | null) =>
    id === null ? '—' : (users.find((user) => user.id === id)?.name ?? id)
  return (
    <section className="card admin-card" aria-labelledby="audit-title">
      <h3 id="audit-title">Audit trail</h3>
      <div className="toolbar">
        <select
          aria-label="Audit event type"
          value={filter.type}
          onChange={(e) => void setFilter({ type: e.target.value })}
        >
          <option value="">All events</option>
          {auditTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        <select
          aria-label="Audit user"
          value={filter.userId}
          onChange={(e) => void setFilter({ userId: e.target.value })}
        >
          <option value="">All users</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void exportAudit()}>
          <Icon name="download" /> Export CSV
        </button>
      </div>
      <ErrorMessage error={error} />
      {status === 'loading' || status === 'idle' ? (
        <Loading what="the audit trail" />
      ) : events.length === 0 ? (
        <EmptyState title="No audit events match" />
      ) : (
        <ol className="activity" aria-label="Audit events">
          {events.map((event, index) => (
            <li key={`${event.at}-${index}`}>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              <span className="badge">{event.type}</span>
              <span>
                by {nameOf(event.actorId)}
                {event.subjectId !== null && event.subjectId !== event.actorId && (
                  <> · for {nameOf(event.subjectId)}</>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

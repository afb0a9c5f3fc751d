import { useApp } from '../app-store'
import { Icon } from '../components/Icon'
import { plural } from '../lib/format'
import { selectChecklist } from '../store/admin'

/** After a compromise: whom to call, one line per integration, until every one has the new token. */
export function CompromiseChecklist({ instanceId }: { instanceId: string }) {
  const checklist = useApp((state) => selectChecklist(state, instanceId))
  const markUpdated = useApp((state) => state.integrations.markUpdated)
  const dismiss = useApp((state) => state.admin.dismissChecklist)
  if (!checklist) return null
  const done = checklist.remaining === 0
  return (
    <section className={`banner compromise${done ? ' done' : ''}`} aria-labelledby="compromise-title">
      <h3 id="compromise-title">
        <Icon name={done ? 'check' : 'warning'} /> Compromise response:{' '}
        {done
          ? 'every integration has the new token'
          : `${plural(checklist.remaining, 'integration')} still to update`}
      </h3>
      <p className="muted">The token was regenerated. Reason: {checklist.reason}</p>
      {checklist.items.length === 0 && <p>No integrations in the register used the old token.</p>}
      <ul className="needs-update" aria-label="Compromise checklist">
        {checklist.items.map((item) => (
          <li key={item.id} aria-label={item.name}>
            <span>
              <strong>{item.name}</strong>
              <span className="muted"> · owner {item.owner || 'not recorded'}</span>
              <span className="muted"> · contact {item.contact || 'not recorded'}</span>
            </span>
            {item.status === 'needs-update' ? (
              <button type="button" onClick={() => void markUpdated(item.id)}>
                Mark updated
              </button>
            ) : (
              <span className="badge status-active">Updated</span>
            )}
          </li>
        ))}
      </ul>
      {done && (
        <button type="button" onClick={() => dismiss(instanceId)}>
          Close checklist
        </button>
      )}
    </section>
  )
}

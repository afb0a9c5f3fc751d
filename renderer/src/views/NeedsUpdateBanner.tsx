import { useApp } from '../app-store'
import { Icon } from '../components/Icon'
import { plural } from '../lib/format'
import { selectNeedsUpdate } from '../store/integrations'

/** After a regenerate: which integrations still use the old token, each with `Mark updated`. */
export function NeedsUpdateBanner({ instanceId }: { instanceId: string }) {
  const waiting = useApp((state) => selectNeedsUpdate(state, instanceId))
  const markUpdated = useApp((state) => state.integrations.markUpdated)
  if (waiting.length === 0) return null
  return (
    <section className="banner" aria-labelledby="needs-update-title">
      <h3 id="needs-update-title">
        <Icon name="warning" /> {plural(waiting.length, 'integration')}{' '}
        {waiting.length === 1 ? 'needs' : 'need'} the new token
      </h3>
      <ul className="needs-update">
        {waiting.map((item) => (
          <li key={item.id} aria-label={item.name}>
            <span>
              <strong>{item.name}</strong>
              {item.system && <span className="muted"> · {item.system}</span>}
              {item.owner && <span className="muted"> · {item.owner}</span>}
              {item.contact && <span className="muted"> ({item.contact})</span>}
            </span>
            <button type="button" onClick={() => void markUpdated(item.id)}>
              Mark updated
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

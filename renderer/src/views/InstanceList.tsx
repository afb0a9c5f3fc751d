import { useApp } from '../app-store'
import { EnvironmentBadge } from '../components/EnvironmentBadge'
import { IconButton } from '../components/IconButton'
import { StatusBadge } from '../components/StatusBadge'

/** The instance switcher: every instance with its environment badge and token status; add, edit, remove. */
export function InstanceList() {
  const list = useApp((state) => state.instances.list)
  const activeId = useApp((state) => state.instances.activeId)
  const tokens = useApp((state) => state.token.byInstance)
  const select = useApp((state) => state.instances.select)
  const openDialog = useApp((state) => state.ui.openDialog)
  return (
    <nav className="instances" aria-label="Instances">
      <div className="instances-header">
        <h2>Instances</h2>
        <IconButton label="Add instance" icon="plus" onClick={() => openDialog({ kind: 'add-instance' })} />
      </div>
      {list.length === 0 && <p className="muted">No instances yet.</p>}
      <ul>
        {list.map((instance) => (
          <li key={instance.id} className={instance.id === activeId ? 'active' : undefined}>
            <button
              type="button"
              className="instance"
              aria-current={instance.id === activeId ? 'true' : undefined}
              onClick={() => void select(instance.id)}
            >
              <span className="instance-name">{instance.name}</span>
              <span className="instance-badges">
                <EnvironmentBadge environment={instance.environment} />
                {tokens[instance.id] && <StatusBadge status={tokens[instance.id]!.status} />}
              </span>
            </button>
            <span className="instance-tools">
              <IconButton
                label={`Edit ${instance.name}`}
                icon="pencil"
                onClick={() => openDialog({ kind: 'edit-instance', instanceId: instance.id })}
              />
              <IconButton
                label={`Remove ${instance.name}`}
                icon="trash"
                tone="danger"
                onClick={() => openDialog({ kind: 'remove-instance', instanceId: instance.id })}
              />
            </span>
          </li>
        ))}
      </ul>
    </nav>
  )
}

import { useApp } from '../app-store'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { plural } from '../lib/format'
import { selectDependents } from '../store/integrations'

type Props = { kind: 'regenerate-token' | 'remove-token'; instanceId: string; onClose: () => void }

/** Regenerate / Remove confirmation: names the integrations that will break; production needs the name typed. */
export function TokenConfirmDialog({ kind, instanceId, onClose }: Props) {
  const instance = useApp((state) => state.instances.list.find((i) => i.id === instanceId) ?? null)
  const dependents = useApp((state) => selectDependents(state, instanceId))
  const regenerate = useApp((state) => state.token.regenerate)
  const remove = useApp((state) => state.token.remove)
  if (!instance) return null
  const regenerating = kind === 'regenerate-token'
  return (
    <ConfirmDialog
      title={
        regenerating ? `Regenerate the token for ${instance.name}?` : `Remove the token for ${instance.name}?`
      }
      confirmLabel={regenerating ? 'Regenerate' : 'Remove'}
      typeToConfirm={instance.environment === 'production' ? instance.name : undefined}
      onConfirm={() => (regenerating ? regenerate(instanceId) : remove(instanceId))}
      onClose={onClose}
    >
      <p>
        {regenerating
          ? 'The current token stops working the moment a new one is made. Every integration that uses it must get the new token.'
          : 'The token is revoked and deleted from this computer. Every integration that uses it stops working.'}
      </p>
      {dependents.length > 0 ? (
        <>
          <p>
            <strong>{plural(dependents.length, 'integration')} use this token:</strong>
          </p>
          <ul className="dependents">
            {dependents.map((item) => (
              <li key={item.id}>
                {item.name}
                {item.owner && <span className="muted"> — {item.owner}</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">No integrations in the register use this token.</p>
      )}
    </ConfirmDialog>
  )
}

import { useApp } from '../app-store'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { ErrorMessage } from '../components/ErrorMessage'
import type { FirstDueFlow } from '../store/verification'

/** Remove for a First Due tenant deletes only the local copy: the token lives on in First Due until removed there. */
export function FirstDueRemoveDialog({ flow }: { flow: FirstDueFlow }) {
  const instance = useApp((state) => state.instances.list.find((item) => item.id === flow.instanceId) ?? null)
  const error = useApp((state) => state.verification.firstDueError)
  const remove = useApp((state) => state.verification.removeFirstDueToken)
  const close = useApp((state) => state.verification.closeFirstDue)
  if (!instance) return null
  return (
    <ConfirmDialog
      title={`Remove the token for ${instance.name}?`}
      confirmLabel="Remove"
      typeToConfirm={instance.environment === 'production' ? instance.name : undefined}
      onConfirm={remove}
      onClose={close}
    >
      <p>Token Desk deletes its copy from the system keychain on this computer.</p>
      <p>
        <strong>The token keeps working in First Due</strong> until you remove it there too: in First Due’s
        web UI ({flow.webUrl}) open the User menu → USER TOKEN → X.
      </p>
      <ErrorMessage error={error} />
    </ConfirmDialog>
  )
}

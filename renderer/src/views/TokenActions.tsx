import type { TokenView } from '@shared/contract'
import { useApp } from '../app-store'
import { IconButton } from '../components/IconButton'

/** Generate (play), Copy (double paper), Regenerate (reverse), Remove (X): names and tooltips match. */
export function TokenActions({ view }: { view: TokenView }) {
  const id = view.instanceId
  const busy = useApp((state) => state.token.busy !== null)
  const generate = useApp((state) => state.token.generate)
  const copy = useApp((state) => state.token.copy)
  const openDialog = useApp((state) => state.ui.openDialog)
  // A First Due tenant makes its tokens in First Due's web UI: these buttons start the guided flows instead.
  const firstDue = useApp((state) => state.instances.list.find((i) => i.id === id)?.kind === 'first-due')
  const startFirstDue = useApp((state) => state.verification.startFirstDue)
  const hasToken = view.status !== 'none'
  return (
    <div className="token-actions" role="toolbar" aria-label="Token actions">
      <IconButton
        label="Generate token"
        icon="play"
        tone="primary"
        disabled={busy || hasToken}
        onClick={() => (firstDue ? startFirstDue(id, 'regenerate') : void generate(id))}
      />
      <IconButton
        label="Copy token"
        icon="copy"
        disabled={busy || !view.stored}
        onClick={() => void copy(id)}
      />
      <IconButton
        label="Regenerate token"
        icon="regenerate"
        disabled={busy || !hasToken}
        onClick={() =>
          firstDue
            ? startFirstDue(id, 'regenerate')
            : openDialog({ kind: 'regenerate-token', instanceId: id })
        }
      />
      <IconButton
        label="Remove token"
        icon="remove"
        tone="danger"
        disabled={busy || !hasToken}
        onClick={() =>
          firstDue ? startFirstDue(id, 'remove') : openDialog({ kind: 'remove-token', instanceId: id })
        }
      />
    </div>
  )
}

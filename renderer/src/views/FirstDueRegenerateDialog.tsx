import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { Modal } from '../components/Modal'
import type { FirstDueFlow } from '../store/verification'
import { FirstDueTokenFields, useFirstDueToken } from './FirstDueTokenFields'
import { DialogActions } from '../components/DialogActions'

/** Guided regeneration for a First Due tenant: regenerate in First Due's web UI, then paste the new token here. */
export function FirstDueRegenerateDialog({ flow }: { flow: FirstDueFlow }) {
  const fields = useFirstDueToken()
  const instance = useApp((state) => state.instances.list.find((item) => item.id === flow.instanceId) ?? null)
  const error = useApp((state) => state.verification.firstDueError)
  const busy = useApp((state) => state.token.busy !== null)
  const openWebUi = useApp((state) => state.verification.openWebUi)
  const paste = useApp((state) => state.verification.pasteFromFirstDue)
  const close = useApp((state) => state.verification.closeFirstDue)
  const compromise = flow.compromiseReason !== null
  return (
    <Modal
      title={`${compromise ? 'Replace the compromised token' : 'Regenerate the token'} for ${instance?.name ?? 'this tenant'}`}
      onClose={close}
    >
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          void paste(fields.token, fields.expiresAt())
        }}
      >
        <ol className="steps">
          <li>
            Open First Due’s web UI and sign in.{' '}
            <button type="button" onClick={() => void openWebUi()}>
              Open First Due
            </button>
            {flow.opened === true && (
              <span className="open-by-hand" role="status">
                Opened in your browser: <code>{flow.webUrl}</code>
              </span>
            )}
            {flow.opened === false && (
              <span className="open-by-hand" role="status">
                Token Desk could not open it for you. Open this address in your browser:{' '}
                <code>{flow.webUrl}</code>
              </span>
            )}
          </li>
          <li>
            Open your name → USER TOKEN and regenerate the token (the Reverse icon). The old token stops
            working at once.
          </li>
          <li>
            Paste the new token and the expiration date First Due shows. The integrations using this token are
            marked as needing it.
          </li>
        </ol>
        <FirstDueTokenFields fields={fields} />
        <ErrorMessage error={error} />
        <DialogActions onCancel={close} submitLabel="Save new token" disabled={!fields.ready || busy} />
      </form>
    </Modal>
  )
}

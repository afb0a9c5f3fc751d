import { useState } from 'react'
import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { Modal } from '../components/Modal'
import { plural } from '../lib/format'
import { selectDependents } from '../store/integrations'
import { DialogActions } from '../components/DialogActions'

/** Report compromise: the reason, then an immediate regenerate (a First Due tenant continues in its web UI). */
export function CompromiseDialog({ instanceId }: { instanceId: string }) {
  const [reason, setReason] = useState('')
  const instance = useApp((state) => state.instances.list.find((item) => item.id === instanceId) ?? null)
  const dependents = useApp((state) => selectDependents(state, instanceId))
  const reporting = useApp((state) => state.admin.reporting)
  const error = useApp((state) => state.admin.compromiseError)
  const report = useApp((state) => state.admin.reportCompromise)
  const close = useApp((state) => state.admin.closeCompromise)
  if (!instance) return null
  const firstDue = instance.kind === 'first-due'
  return (
    <Modal title={`Report a compromised token for ${instance.name}`} onClose={close}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (reason.trim()) void report(instanceId, reason)
        }}
      >
        <div className="dialog-body">
          <p>
            {firstDue
              ? 'The token must be regenerated in First Due’s web UI at once; Token Desk guides you through it.'
              : 'Token Desk regenerates the token at once: the current one stops working immediately.'}{' '}
            {dependents.length > 0
              ? `${plural(dependents.length, 'integration')} will need the new token; a checklist follows.`
              : 'No integrations in the register use this token.'}
          </p>
          <label className="field">
            <span>Reason</span>
            <textarea
              required
              maxLength={500}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
          </label>
          <p className="muted">The reason goes to the activity log. Never paste the token itself here.</p>
          <ErrorMessage error={error} />
        </div>
        <DialogActions
          onCancel={close}
          submitLabel={firstDue ? 'Continue in First Due' : 'Regenerate now'}
          tone="danger"
          disabled={reporting || !reason.trim()}
        />
      </form>
    </Modal>
  )
}

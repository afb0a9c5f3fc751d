import { useState, type ReactNode } from 'react'
import { Modal } from './Modal'
import { DialogActions } from './DialogActions'

type Props = {
  title: string
  /** The confirm button's exact words, e.g. `Regenerate` or `Remove`. */
  confirmLabel: string
  children: ReactNode
  /** On production instances the user types this (the instance's name) before confirming. */
  typeToConfirm?: string
  onConfirm: () => Promise<unknown> | void
  onClose: () => void
}

/** A modal confirmation: `confirmLabel` and `Cancel`; the rest of the page is inert while it is open. */
export function ConfirmDialog({ title, confirmLabel, children, typeToConfirm, onConfirm, onClose }: Props) {
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)
  const confirmed = !typeToConfirm || typed.trim() === typeToConfirm
  const confirm = async () => {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
      onClose()
    }
  }
  return (
    <Modal title={title} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          if (confirmed && !busy) void confirm()
        }}
      >
        <div className="dialog-body">{children}</div>
        {typeToConfirm && (
          <label className="field">
            <span>
              This is a production instance. Type <strong>{typeToConfirm}</strong> to confirm.
            </span>
            <input
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              autoFocus
            />
          </label>
        )}
        <DialogActions
          onCancel={onClose}
          cancelAutoFocus={!typeToConfirm}
          submitLabel={confirmLabel}
          tone="danger"
          disabled={!confirmed || busy}
        />
      </form>
    </Modal>
  )
}

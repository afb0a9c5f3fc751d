type DialogActionsProps = {
  onCancel: () => void
  submitLabel: string
  tone?: 'primary' | 'danger'
  disabled?: boolean
  /** Focus Cancel on open (the safe choice for destructive dialogs). */
  cancelAutoFocus?: boolean
  className?: string
}

/** The Cancel + submit row every form dialog ends with; the submit button submits the dialog's form. */
export function DialogActions({
  onCancel,
  submitLabel,
  tone = 'primary',
  disabled,
  cancelAutoFocus,
  className,
}: DialogActionsProps) {
  return (
    <div className={className ? `dialog-actions ${className}` : 'dialog-actions'}>
      <button type="button" onClick={onCancel} autoFocus={cancelAutoFocus}>
        Cancel
      </button>
      <button type="submit" className={tone} disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  )
}

import { useState } from 'react'
import type { Environment, Integration } from '@shared/contract'
import { useApp } from '../app-store'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { Modal } from '../components/Modal'
import { selectActiveInstance } from '../store/instances'
import { FieldErrors } from './FieldErrors'
import { DialogActions } from '../components/DialogActions'

type Draft = {
  name: string
  system: string
  owner: string
  contact: string
  environment: Environment
  instanceId: string
  notes: string
}

function TextField({
  label,
  value,
  onChange,
  multiline,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  multiline?: boolean
}) {
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? (
        <textarea rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input value={value} onChange={(e) => onChange(e.target.value)} required={label === 'Name'} />
      )}
    </label>
  )
}

/** Add or edit one integration: Name, System, Owner, Contact, Environment, Token (instance), Notes. */
export function IntegrationFormDialog({
  integration,
  onClose,
}: {
  integration: Integration | null
  onClose: () => void
}) {
  const instances = useApp((state) => state.instances.list)
  const active = useApp(selectActiveInstance)
  const fallback = active ?? instances[0]
  const [draft, setDraft] = useState<Draft>(() => ({
    name: integration?.name ?? '',
    system: integration?.system ?? '',
    owner: integration?.owner ?? '',
    contact: integration?.contact ?? '',
    environment: integration?.environment ?? fallback?.environment ?? 'production',
    instanceId: integration?.instanceId ?? fallback?.id ?? '',
    notes: integration?.notes ?? '',
  }))
  const error = useApp((state) => state.integrations.formError)
  const add = useApp((state) => state.integrations.add)
  const update = useApp((state) => state.integrations.update)
  const clear = useApp((state) => state.integrations.clearFormError)
  const field = (key: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [key]: value }))
  const close = () => {
    clear()
    onClose()
  }
  const save = async () => {
    const saved = integration ? await update(integration.id, draft) : await add(draft)
    if (saved) close()
  }
  return (
    <Modal title={integration ? `Edit ${integration.name}` : 'Add integration'} onClose={close} wide>
      <form
        className="form-grid"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <TextField label="Name" value={draft.name} onChange={field('name')} />
        <TextField label="System" value={draft.system} onChange={field('system')} />
        <TextField label="Owner" value={draft.owner} onChange={field('owner')} />
        <TextField label="Contact" value={draft.contact} onChange={field('contact')} />
        <label className="field">
          <span>Environment</span>
          <select value={draft.environment} onChange={(e) => field('environment')(e.target.value)}>
            <option value="production">Production</option>
            <option value="development">Development</option>
            <option value="training">Training</option>
          </select>
        </label>
        <label className="field">
          <span>Token (instance)</span>
          <select value={draft.instanceId} onChange={(e) => field('instanceId')(e.target.value)}>
            {instances.map((instance) => (
              <option key={instance.id} value={instance.id}>
                {instance.name}
              </option>
            ))}
          </select>
        </label>
        <div className="span-2">
          <TextField label="Notes" value={draft.notes} onChange={field('notes')} multiline />
        </div>
        <div className="span-2">
          <FieldErrors error={error} />
        </div>
        <DialogActions onCancel={close} submitLabel="Save" className="span-2" />
      </form>
    </Modal>
  )
}

export function RemoveIntegrationDialog({
  integration,
  onClose,
}: {
  integration: Integration
  onClose: () => void
}) {
  const remove = useApp((state) => state.integrations.remove)
  return (
    <ConfirmDialog
      title={`Delete ${integration.name}?`}
      confirmLabel="Delete"
      onConfirm={() => remove(integration.id)}
      onClose={onClose}
    >
      <p>The integration is removed from the register. Its token is not changed.</p>
    </ConfirmDialog>
  )
}

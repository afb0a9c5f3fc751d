import { useState } from 'react'
import type { Environment, Instance, InstanceKind } from '@shared/contract'
import { useApp } from '../app-store'
import { ConfirmDialog } from '../components/ConfirmDialog'
import { Modal } from '../components/Modal'
import { FieldErrors } from './FieldErrors'
import { FirstDueTokenFields, useTenantPaste } from './FirstDueTokenFields'
import { DialogActions } from '../components/DialogActions'

/** First Due's own API, the default for a real tenant (editable). */
const FIRST_DUE_BASE_URL = 'https://sizeup.firstduesizeup.com/fd-api/v1'

/** Add or edit an instance: name, kind, base URL, environment. */
export function InstanceFormDialog({
  instance,
  onClose,
}: {
  instance: Instance | null
  onClose: () => void
}) {
  const [name, setName] = useState(instance?.name ?? '')
  const [kind, setKind] = useState<InstanceKind>(instance?.kind ?? 'first-due')
  const [baseUrl, setBaseUrl] = useState(instance?.baseUrl ?? FIRST_DUE_BASE_URL)
  const [environment, setEnvironment] = useState<Environment>(instance?.environment ?? 'production')
  const error = useApp((state) => state.instances.formError)
  const add = useApp((state) => state.instances.add)
  const update = useApp((state) => state.instances.update)
  const clear = useApp((state) => state.instances.clearFormError)
  // A new First Due tenant also takes the token pasted from First Due and its expiry.
  const tenant = useTenantPaste()
  const addingTenant = !instance && kind === 'first-due'
  const close = () => {
    clear()
    tenant.clear()
    onClose()
  }
  const save = async () => {
    const input = { name, kind, baseUrl, environment }
    const saved = instance
      ? await update(instance.id, input)
      : addingTenant
        ? await tenant.add(input)
        : await add(input)
    if (saved) close()
  }
  return (
    <Modal title={instance ? `Edit ${instance.name}` : 'Add instance'} onClose={close}>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <label className="field">
          <span>Name</span>
          <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </label>
        <label className="field">
          <span>Kind</span>
          <select
            value={kind}
            disabled={instance?.isSandbox}
            onChange={(e) => setKind(e.target.value as InstanceKind)}
          >
            <option value="first-due">First Due tenant (paste tokens made in First Due)</option>
            <option value="token-service">Token service (generate tokens here)</option>
          </select>
        </label>
        <label className="field">
          <span>Base URL</span>
          <input
            required
            value={baseUrl}
            disabled={instance?.isSandbox}
            onChange={(e) => setBaseUrl(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Environment</span>
          <select value={environment} onChange={(e) => setEnvironment(e.target.value as Environment)}>
            <option value="production">Production</option>
            <option value="development">Development</option>
            <option value="training">Training</option>
          </select>
        </label>
        {addingTenant && <FirstDueTokenFields fields={tenant.fields} />}
        <FieldErrors error={error ?? tenant.error} />
        <DialogActions onCancel={close} submitLabel="Save" />
      </form>
    </Modal>
  )
}

export function RemoveInstanceDialog({ instance, onClose }: { instance: Instance; onClose: () => void }) {
  const remove = useApp((state) => state.instances.remove)
  return (
    <ConfirmDialog
      title={`Remove ${instance.name}?`}
      confirmLabel="Remove"
      typeToConfirm={instance.environment === 'production' ? instance.name : undefined}
      onConfirm={() => remove(instance.id)}
      onClose={onClose}
    >
      <p>
        Token Desk forgets this instance and deletes its token and session from the system keychain on this
        computer. The token itself is not revoked in the service.
      </p>
    </ConfirmDialog>
  )
}

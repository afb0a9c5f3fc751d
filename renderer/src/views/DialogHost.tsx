import { useApp } from '../app-store'
import { IntegrationFormDialog, RemoveIntegrationDialog } from './IntegrationDialogs'
import { InstanceFormDialog, RemoveInstanceDialog } from './InstanceDialogs'
import { TokenConfirmDialog } from './TokenDialogs'

/** Renders the one open dialog (ui.dialog), if any. */
export function DialogHost() {
  const dialog = useApp((state) => state.ui.dialog)
  const close = useApp((state) => state.ui.closeDialog)
  const instances = useApp((state) => state.instances.list)
  const integrations = useApp((state) => state.integrations.list)
  if (!dialog) return null
  switch (dialog.kind) {
    case 'regenerate-token':
    case 'remove-token':
      return <TokenConfirmDialog kind={dialog.kind} instanceId={dialog.instanceId} onClose={close} />
    case 'add-instance':
      return <InstanceFormDialog instance={null} onClose={close} />
    case 'edit-instance':
    case 'remove-instance': {
      const instance = instances.find((i) => i.id === dialog.instanceId)
      if (!instance) return null
      return dialog.kind === 'edit-instance' ? (
        <InstanceFormDialog instance={instance} onClose={close} />
      ) : (
        <RemoveInstanceDialog instance={instance} onClose={close} />
      )
    }
    case 'add-integration':
      return <IntegrationFormDialog integration={null} onClose={close} />
    case 'edit-integration':
    case 'remove-integration': {
      const integration = integrations.find((i) => i.id === dialog.integrationId)
      if (!integration) return null
      return dialog.kind === 'edit-integration' ? (
        <IntegrationFormDialog integration={integration} onClose={close} />
      ) : (
        <RemoveIntegrationDialog integration={integration} onClose={close} />
      )
    }
  }
}

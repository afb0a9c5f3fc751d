import { useApp } from '../app-store'
import { CompromiseDialog } from './CompromiseDialog'
import { FirstDueRegenerateDialog } from './FirstDueRegenerateDialog'
import { FirstDueRemoveDialog } from './FirstDueRemoveDialog'

/** The dialogs of Test token / First Due tenants / compromise response (each slice holds whether it is open). */
export function VerificationDialogs() {
  const compromiseFor = useApp((state) => state.admin.compromiseFor)
  const firstDue = useApp((state) => state.verification.firstDue)
  if (compromiseFor) return <CompromiseDialog instanceId={compromiseFor} />
  if (firstDue?.mode === 'regenerate') return <FirstDueRegenerateDialog flow={firstDue} />
  if (firstDue?.mode === 'remove') return <FirstDueRemoveDialog flow={firstDue} />
  return null
}

import type { AdminUser } from '@shared/contract'
import { useApp } from '../app-store'
import { ConfirmDialog } from '../components/ConfirmDialog'

/** Disabling API access revokes the user's token at once: say so before doing it. */
export function DisableAccessDialog({ user }: { user: AdminUser }) {
  const cancel = useApp((state) => state.admin.cancelDisable)
  const setApiAccess = useApp((state) => state.admin.setApiAccess)
  return (
    <ConfirmDialog
      title={`Disable API access for ${user.name}?`}
      confirmLabel="Disable"
      onConfirm={() => setApiAccess(user.id, false)}
      onClose={cancel}
    >
      <p>
        {user.token.status === 'none'
          ? `${user.name} holds no token now, and will not be able to generate one until API access is enabled again.`
          : `This revokes ${user.name}’s token at once: every integration using it stops working. ${user.name} cannot generate a new one until API access is enabled again.`}
      </p>
    </ConfirmDialog>
  )
}

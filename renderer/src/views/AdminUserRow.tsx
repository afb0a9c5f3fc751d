import type { AdminUser } from '@shared/contract'
import { useApp } from '../app-store'
import { formatDate, formatDateTime } from '../lib/format'

const tokenWords: Record<AdminUser['token']['status'], string> = {
  active: 'Active',
  expired: 'Expired',
  none: 'No token',
}

/** One user; API access is a switch for those who may manage users, plain words for everyone else. */
export function AdminUserRow({ user, canManage }: { user: AdminUser; canManage: boolean }) {
  const changing = useApp((state) => state.admin.changing === user.id)
  const askDisable = useApp((state) => state.admin.askDisable)
  const setApiAccess = useApp((state) => state.admin.setApiAccess)
  const access = user.apiAccessEnabled ? 'Enabled' : 'Disabled'
  return (
    <tr aria-label={user.name}>
      <th scope="row">
        {user.name}
        <span className="user-email">{user.email}</span>
      </th>
      <td>{user.role.name}</td>
      <td>
        {canManage ? (
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              aria-label={`API access for ${user.name}`}
              checked={user.apiAccessEnabled}
              disabled={changing}
              onChange={() => (user.apiAccessEnabled ? askDisable(user) : void setApiAccess(user.id, true))}
            />
            <span>{access}</span>
          </label>
        ) : (
          access
        )}
      </td>
      <td>{user.canGenerateTokens ? 'Yes' : 'No'}</td>
      <td>
        <span className={`badge status-${user.token.status}`}>{tokenWords[user.token.status]}</span>
      </td>
      <td>{formatDate(user.token.expiresAt)}</td>
      <td>{formatDateTime(user.token.lastUsedAt)}</td>
    </tr>
  )
}

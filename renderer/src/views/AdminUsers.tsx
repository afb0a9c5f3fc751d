import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { EmptyState, Loading } from '../components/States'
import { selectCanManageUsers } from '../store/admin'
import { AdminUserRow } from './AdminUserRow'
import { DisableAccessDialog } from './DisableAccessDialog'

/** Every user of the instance: role, API access, whether they can generate tokens, and their token. */
export function AdminUsers() {
  const users = useApp((state) => state.admin.users)
  const status = useApp((state) => state.admin.usersStatus)
  const error = useApp((state) => state.admin.usersError)
  const canManage = useApp(selectCanManageUsers)
  const confirming = useApp((state) => state.admin.confirmDisable)
  return (
    <section className="card admin-card" aria-labelledby="admin-users-title">
      <h3 id="admin-users-title">Users</h3>
      <ErrorMessage error={error} />
      {status === 'loading' || status === 'idle' ? (
        <Loading what="users" />
      ) : users.length === 0 ? (
        status === 'ready' && <EmptyState title="No users" />
      ) : (
        <div className="data-table-wrap">
          <table className="data-table" aria-label="Users">
            <thead>
              <tr>
                <th scope="col">Name and email</th>
                <th scope="col">Role</th>
                <th scope="col">API access</th>
                <th scope="col">Can generate</th>
                <th scope="col">Token</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <AdminUserRow key={user.id} user={user} canManage={canManage} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirming && <DisableAccessDialog user={confirming} />}
    </section>
  )
}

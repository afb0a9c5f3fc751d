import { useEffect } from 'react'
import { useApp } from '../app-store'
import { EmptyState } from '../components/States'
import { selectActiveInstance } from '../store/instances'
import { selectCanAdminister } from '../store/admin'
import { AdminUsers } from './AdminUsers'
import { AuditLog } from './AuditLog'
import { TokenHoldersWarning } from './TokenHoldersWarning'
import '../styles/admin.css'

/** Administration of the active instance: who may hold tokens, who does, and the audit trail. */
export function AdminView() {
  const instance = useApp(selectActiveInstance)
  const allowed = useApp(selectCanAdminister)
  const load = useApp((state) => state.admin.load)
  const instanceId = allowed ? (instance?.id ?? null) : null
  useEffect(() => {
    if (instanceId) void load(instanceId)
  }, [instanceId, load])
  return (
    <section className="stack" aria-labelledby="admin-title">
      <h2 id="admin-title">Admin</h2>
      {!instance || !allowed ? (
        <EmptyState title="No administration here">
          <p>
            Sign in as a user whose role has the users.read permission object to manage users and read the
            audit trail.
          </p>
        </EmptyState>
      ) : (
        <>
          <TokenHoldersWarning />
          <AdminUsers />
          <AuditLog />
        </>
      )}
    </section>
  )
}

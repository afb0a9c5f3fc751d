import type { DemoUser } from '@shared/contract'
import { useApp } from '../app-store'

const labels: Record<DemoUser, string> = { admin: 'Administrator', api: 'API user', crew: 'Crew' }

/** The sandbox's "sign in as demo user" buttons (its demo users share a password kept in the keychain). */
export function DemoUsers({ instanceId, users }: { instanceId: string; users: DemoUser[] }) {
  const signInDemo = useApp((state) => state.session.signInDemo)
  const signingIn = useApp((state) => state.session.signingIn)
  if (users.length === 0) return null
  return (
    <div className="demo-users" role="group" aria-label="Sign in as demo user">
      <span className="muted">Sign in as demo user:</span>
      {users.map((user) => (
        <button
          key={user}
          type="button"
          disabled={signingIn}
          onClick={() => void signInDemo(instanceId, user)}
        >
          {labels[user]}
        </button>
      ))}
    </div>
  )
}

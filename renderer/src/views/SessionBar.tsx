import type { SessionView } from '@shared/contract'
import { useApp } from '../app-store'
import { DemoUsers } from './DemoUsers'

/** Who is signed in to the active instance, with sign out (and demo-user switching on the sandbox). */
export function SessionBar({ session }: { session: SessionView }) {
  const signOut = useApp((state) => state.session.signOut)
  if (session.state !== 'signed-in' || !session.user) return null
  const { user } = session
  return (
    <div className="session-bar">
      <p>
        Signed in as <strong>{user.name}</strong> ({user.email}) · role {user.role.name}
        {!user.apiAccessEnabled && <span className="badge status-expired">API access disabled</span>}
      </p>
      <DemoUsers instanceId={session.instanceId} users={session.demoUsers} />
      <button type="button" className="link" onClick={() => void signOut(session.instanceId)}>
        Sign out
      </button>
    </div>
  )
}

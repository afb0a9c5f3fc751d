import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { EmptyState, Loading } from '../components/States'
import { selectActiveInstance } from '../store/instances'
import { selectHasChecklist } from '../store/admin'
import { selectSession } from '../store/session'
import { selectTokenView } from '../store/token'
import { NeedsUpdateBanner } from './NeedsUpdateBanner'
import { SessionBar } from './SessionBar'
import { SignInForm } from './SignInForm'
import { TokenCard } from './TokenCard'

/** The Token view: sign in when needed, then the token card and the needs-update banner. */
export function TokenView() {
  const instance = useApp(selectActiveInstance)
  const session = useApp((state) => selectSession(state, state.instances.activeId))
  const view = useApp((state) => selectTokenView(state, state.instances.activeId))
  const tokenError = useApp((state) => (instance ? (state.token.errors[instance.id] ?? null) : null))
  const sessionError = useApp((state) => (instance ? (state.session.errors[instance.id] ?? null) : null))
  const reload = useApp((state) => state.token.load)
  // After a compromise report its checklist (with owners and contacts) lists the same integrations.
  const hasChecklist = useApp((state) => (instance ? selectHasChecklist(state, instance.id) : false))

  if (!instance) {
    return (
      <EmptyState title="No instance yet">
        <p>Add a First Due instance (or a token service) in the sidebar to manage its API token.</p>
      </EmptyState>
    )
  }
  if (!session) return sessionError ? <ErrorMessage error={sessionError} /> : <Loading what="the session" />
  // First Due tenants have no sign-in here: their token is pasted from First Due.
  if (session.state !== 'signed-in' && instance.kind !== 'first-due') return <SignInForm instance={instance} session={session} />
  return (
    <div className="stack">
      <SessionBar session={session} />
      {view ? (
        <TokenCard instance={instance} view={view} />
      ) : tokenError ? (
        <ErrorMessage
          error={tokenError}
          action={
            <button type="button" onClick={() => void reload(instance.id)}>
              Try again
            </button>
          }
        />
      ) : (
        <Loading what="the token" />
      )}
      {!hasChecklist && <NeedsUpdateBanner instanceId={instance.id} />}
    </div>
  )
}

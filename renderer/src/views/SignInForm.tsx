import { useState } from 'react'
import type { Instance, SessionView } from '@shared/contract'
import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { DemoUsers } from './DemoUsers'

/** Email + password for an instance; on the sandbox also the demo users. Shown when signed out or expired. */
export function SignInForm({ instance, session }: { instance: Instance; session: SessionView }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const error = useApp((state) => state.session.errors[instance.id] ?? null)
  const signingIn = useApp((state) => state.session.signingIn)
  const signIn = useApp((state) => state.session.signIn)
  const expired = session.state === 'expired'
  return (
    <section className="card sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">
        {expired ? 'Your session has expired — sign in again' : `Sign in to ${instance.name}`}
      </h2>
      <p className="muted">
        {expired
          ? 'Sessions last 14 days. Sign in again to manage this instance’s token; the token itself keeps working until it expires.'
          : 'Sign in as the designated API user to manage its token. Your password is sent to the service and never stored.'}
      </p>
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          void signIn(instance.id, email, password).then((ok) => ok && setPassword(''))
        }}
      >
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorMessage error={error} />
        <div className="row">
          <button type="submit" className="primary" disabled={signingIn}>
            {signingIn ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      <DemoUsers instanceId={instance.id} users={session.demoUsers} />
    </section>
  )
}

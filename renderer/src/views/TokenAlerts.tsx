import { useState } from 'react'
import type { TokenView } from '@shared/contract'
import { useApp } from '../app-store'
import { Icon } from '../components/Icon'

/** "Not saved — copy it now": the keychain refused the new token, so this is the only chance to keep it. */
export function UnsavedToken({ instanceId }: { instanceId: string }) {
  const unsaved = useApp((state) =>
    state.token.unsaved?.instanceId === instanceId ? state.token.unsaved.token : null,
  )
  const copyUnsaved = useApp((state) => state.token.copyUnsaved)
  const dismiss = useApp((state) => state.token.dismissUnsaved)
  if (!unsaved) return null
  return (
    <div className="message warning" role="alert">
      <Icon name="warning" />
      <div className="stack">
        <p>
          <strong>Not saved — copy it now.</strong> The system keychain refused to store the new token. It is
          shown only this once; copy it into your integration now.
        </p>
        <input
          className="mono"
          readOnly
          value={unsaved}
          aria-label="Unsaved token"
          onFocus={(e) => e.target.select()}
        />
        <div className="row">
          <button type="button" className="primary" onClick={() => void copyUnsaved()}>
            Copy unsaved token
          </button>
          <button type="button" onClick={dismiss}>
            I have copied it
          </button>
        </div>
      </div>
    </div>
  )
}

/** The service holds a different token than the keychain: it was regenerated somewhere else. */
export function ReplacedElsewhere({ view }: { view: TokenView }) {
  const [token, setToken] = useState('')
  const [date, setDate] = useState('')
  const paste = useApp((state) => state.token.paste)
  if (!view.replacedElsewhere) return null
  return (
    <div className="message warning" role="alert">
      <Icon name="warning" />
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault()
          void paste(view.instanceId, token, new Date(`${date}T00:00:00`).toISOString()).then(
            (ok) => ok && setToken(''),
          )
        }}
      >
        <p>
          <strong>Replaced elsewhere.</strong> This token was regenerated outside Token Desk, so the copy
          saved here no longer works. Paste the new token to keep using it here, or regenerate.
        </p>
        <label className="field">
          <span>New token</span>
          <input
            className="mono"
            required
            minLength={8}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>Expiration date</span>
          <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <div className="row">
          <button type="submit">Save pasted token</button>
        </div>
      </form>
    </div>
  )
}

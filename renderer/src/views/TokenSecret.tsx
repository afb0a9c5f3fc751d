import type { TokenView } from '@shared/contract'
import { maskToken } from '@shared/token-status'
import { useApp } from '../app-store'
import { Icon } from '../components/Icon'
import { useNow } from '../lib/use-now'
import { REVEAL_SECONDS, selectCopySecondsLeft, selectIsBusy } from '../store/token'

/** The token, masked unless revealed; the Reveal toggle; the clipboard countdown after a copy. */
export function TokenSecret({ view }: { view: TokenView }) {
  const id = view.instanceId
  const revealed = useApp((state) =>
    state.token.revealed?.instanceId === id ? state.token.revealed.token : null,
  )
  const copying = useApp((state) => state.token.copied?.instanceId === id)
  const revealing = useApp((state) => selectIsBusy(state, id, 'reveal'))
  const toggleReveal = useApp((state) => state.token.toggleReveal)
  const now = useNow(copying)
  const secondsLeft = useApp((state) => selectCopySecondsLeft(state, id, now))
  return (
    <div className="secret">
      <code
        className={revealed ? 'revealed' : 'masked'}
        aria-label={revealed ? 'Token (revealed)' : 'Token (masked)'}
      >
        {revealed ?? maskToken(view.hint)}
      </code>
      <button
        type="button"
        className="toggle"
        aria-pressed={revealed !== null}
        disabled={!view.stored || revealing}
        onClick={() => void toggleReveal(id)}
        title={`Shows the token for ${REVEAL_SECONDS} seconds`}
      >
        <Icon name="eye" />
        Reveal token
      </button>
      {secondsLeft !== null && (
        <p className="copied" role="status">
          <Icon name="check" /> Copied — clears in {secondsLeft} s
        </p>
      )}
    </div>
  )
}

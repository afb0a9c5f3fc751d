import { useApp } from '../app-store'
import { Icon } from '../components/Icon'
import { selectTokenHolders } from '../store/admin'

/** More than one active token: First Due recommends one designated API user. */
export function TokenHoldersWarning() {
  const holders = useApp(selectTokenHolders)
  if (holders.length < 2) return null
  return (
    <div className="message warning" role="alert">
      <Icon name="warning" />
      <p>
        {holders.length} users hold an active token: {holders.map((user) => user.name).join(', ')}. First Due
        recommends one designated API user — remove the tokens the others do not need.
      </p>
    </div>
  )
}

import type { TokenStatus } from '@shared/contract'

const words: Record<TokenStatus, string> = {
  active: 'Active',
  expiring: 'Expiring soon',
  expired: 'Expired',
  none: 'No token',
}

/** The token's status in the exact words users learn: Active, Expiring soon, Expired, No token. */
export function StatusBadge({ status }: { status: TokenStatus }) {
  return <span className={`badge status-${status}`}>{words[status]}</span>
}

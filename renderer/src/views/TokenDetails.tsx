import type { TokenView } from '@shared/contract'
import { describeDaysLeft } from '@shared/token-status'
import { formatDate, formatDateTime } from '../lib/format'

/** Expiry (locale date + days left), created, last used and last verified. */
export function TokenDetails({ view }: { view: TokenView }) {
  return (
    <dl className="details">
      <div>
        <dt>Expires</dt>
        <dd>
          {formatDate(view.expiresAt)}
          {view.daysLeft !== null && (
            <span className={`days days-${view.status}`}> · {describeDaysLeft(view.daysLeft)}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>{formatDateTime(view.createdAt, '—')}</dd>
      </div>
      <div>
        <dt>Last used</dt>
        <dd>{formatDateTime(view.lastUsedAt)}</dd>
      </div>
      <div>
        <dt>Last verified</dt>
        <dd>
          {formatDateTime(view.lastVerifiedAt)}
          {view.lastVerification && <span className="muted"> · {view.lastVerification.message}</span>}
        </dd>
      </div>
    </dl>
  )
}

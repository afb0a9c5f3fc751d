import type { Instance, TokenView } from '@shared/contract'
import { useApp } from '../app-store'
import { EnvironmentBadge } from '../components/EnvironmentBadge'
import { ErrorMessage } from '../components/ErrorMessage'
import { Icon } from '../components/Icon'
import { StatusBadge } from '../components/StatusBadge'
import { selectIsBusy } from '../store/token'
import { TokenActions } from './TokenActions'
import { TokenChecks } from './TokenChecks'
import { ReplacedElsewhere, UnsavedToken } from './TokenAlerts'
import { TokenDetails } from './TokenDetails'
import { TokenSecret } from './TokenSecret'

/** The designated API user's token for one instance: status, dates, the secret and what to do with it. */
export function TokenCard({ instance, view }: { instance: Instance; view: TokenView }) {
  const error = useApp((state) => state.token.errors[instance.id] ?? null)
  const exporting = useApp((state) => selectIsBusy(state, instance.id, 'calendar'))
  const exportCalendar = useApp((state) => state.token.exportCalendar)
  return (
    <section className="card token-card" aria-labelledby="token-title">
      <header className="card-header">
        <div>
          <h2 id="token-title">API token</h2>
          <p className="muted">
            {instance.name} <EnvironmentBadge environment={instance.environment} />
          </p>
        </div>
        <StatusBadge status={view.status} />
      </header>
      {view.status === 'none' ? (
        <p className="lead">No token yet. Generate one for the integrations that call First Due’s API.</p>
      ) : (
        <>
          <TokenDetails view={view} />
          <TokenSecret view={view} />
        </>
      )}
      {view.source === 'cache' && (
        <p className="muted">
          Showing the details saved on this computer — the service could not be reached just now.
        </p>
      )}
      <TokenChecks instance={instance} view={view} />
      <UnsavedToken instanceId={instance.id} />
      <ReplacedElsewhere view={view} />
      <ErrorMessage error={error} />
      <footer className="card-footer">
        <TokenActions view={view} />
        {view.status !== 'none' && (
          <button type="button" disabled={exporting} onClick={() => void exportCalendar(instance.id)}>
            <Icon name="calendar" /> Export calendar (.ics)
          </button>
        )}
      </footer>
    </section>
  )
}

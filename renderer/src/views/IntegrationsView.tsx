import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { EmptyState, Loading } from '../components/States'
import { selectVisibleIntegrations } from '../store/integrations'
import { ImportResult } from './ImportResult'
import { IntegrationsTable } from './IntegrationsTable'
import { IntegrationsToolbar } from './IntegrationsToolbar'

/** The register: which systems use which token, who owns them, whether they have the current token. */
export function IntegrationsView() {
  const status = useApp((state) => state.integrations.status)
  const error = useApp((state) => state.integrations.error)
  const total = useApp((state) => state.integrations.list.length)
  const visible = useApp(selectVisibleIntegrations)
  const reload = useApp((state) => state.integrations.load)
  return (
    <section className="stack integrations" aria-labelledby="integrations-title">
      <h2 id="integrations-title">Integrations</h2>
      <IntegrationsToolbar />
      <ImportResult />
      <ErrorMessage
        error={error}
        action={
          <button type="button" onClick={() => void reload()}>
            Try again
          </button>
        }
      />
      {status === 'loading' || status === 'idle' ? (
        <Loading what="integrations" />
      ) : total === 0 ? (
        <EmptyState title="No integrations yet">
          <p>Record each system that calls the API with a token, so a regenerate tells you whom to update.</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            Showing {visible.length} of {total}
          </p>
          {visible.length === 0 ? (
            <EmptyState title="Nothing matches the filter" />
          ) : (
            <IntegrationsTable rows={visible} />
          )}
        </>
      )}
    </section>
  )
}

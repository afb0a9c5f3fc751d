import type { CatalogEndpoint } from '@shared/contract'
import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { Loading } from '../components/States'
import { endpointLabel, selectEndpoints } from '../store/verification'

const hasIt = (allowed: CatalogEndpoint['allowed']) => (allowed === null ? 'Unknown' : allowed ? 'Yes' : 'No')

/** Every endpoint, the permission object it needs, and whether the signed-in user's role has it. */
export function PermissionReview({ instanceId }: { instanceId: string }) {
  const endpoints = useApp((state) => selectEndpoints(state, instanceId))
  const status = useApp((state) => state.verification.endpointsStatus[instanceId] ?? 'idle')
  const error = useApp((state) => state.verification.endpointsError[instanceId] ?? null)
  const missing = endpoints.filter((endpoint) => endpoint.allowed === false)
  return (
    <section className="permission-review" aria-labelledby={`review-${instanceId}`}>
      <h3 id={`review-${instanceId}`}>Permission review</h3>
      {status === 'error' ? (
        <ErrorMessage error={error} />
      ) : endpoints.length === 0 ? (
        <Loading what="the endpoints" />
      ) : (
        <>
          <table className="data-table" aria-label="Permission review">
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Permission object</th>
                <th scope="col">Your role has it</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr key={endpointLabel(endpoint)} aria-label={endpointLabel(endpoint)}>
                  <td>
                    <code>{endpointLabel(endpoint)}</code>
                  </td>
                  <td>
                    <code>{endpoint.requiredPermission}</code>
                  </td>
                  <td className={`has-${hasIt(endpoint.allowed).toLowerCase()}`}>
                    {hasIt(endpoint.allowed)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {missing.length > 0 && (
            <p className="muted">
              A token answers “Permission denied” on{' '}
              {missing.map((endpoint) => endpoint.requiredPermission).join(', ')}: an administrator must add
              the permission object to your role in First Due.
            </p>
          )}
        </>
      )}
    </section>
  )
}

import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { endpointLabel, selectEndpoints, selectResult } from '../store/verification'

/** Test token: a real call with the stored token (made by the core) to the chosen endpoint; the result as it came. */
export function TestToken({ instanceId }: { instanceId: string }) {
  const endpoints = useApp((state) => selectEndpoints(state, instanceId))
  const selected = useApp((state) => state.verification.selected[instanceId] ?? '')
  const result = useApp((state) => selectResult(state, instanceId))
  const error = useApp((state) => state.verification.testError[instanceId] ?? null)
  const testing = useApp((state) => state.verification.testing === instanceId)
  const select = useApp((state) => state.verification.select)
  const test = useApp((state) => state.verification.test)
  return (
    <div className="test-token">
      <div className="row">
        <label className="field inline">
          <span>Endpoint</span>
          <select
            value={selected}
            disabled={endpoints.length === 0}
            onChange={(e) => select(instanceId, e.target.value)}
          >
            {endpoints.map((endpoint) => {
              const label = endpointLabel(endpoint)
              return (
                <option key={label} value={label}>
                  {label}
                </option>
              )
            })}
          </select>
        </label>
        <button type="button" disabled={testing} onClick={() => void test(instanceId)}>
          {testing ? 'Testing…' : 'Test token'}
        </button>
      </div>
      {result && (
        <p role="status" className={`verification outcome-${result.outcome}`} data-at={result.at}>
          {result.message}
        </p>
      )}
      <ErrorMessage error={error} />
    </div>
  )
}

import { useApp } from '../app-store'
import { plural } from '../lib/format'
import { describeError } from '../store/errors'

/** The last import: a count, or every row error (and the fact that nothing was imported). */
export function ImportResult() {
  const result = useApp((state) => state.integrations.importResult)
  const clear = useApp((state) => state.integrations.clearImportResult)
  if (!result) return null
  if ('imported' in result) {
    return (
      <div className="message success" role="status">
        <p>Imported {plural(result.imported, 'integration')}.</p>
        <button type="button" className="link" onClick={clear}>
          Dismiss
        </button>
      </div>
    )
  }
  return (
    <div className="message error import-errors" role="alert">
      <div className="stack">
        <p>
          <strong>Nothing was imported.</strong>{' '}
          {result.rows.length > 0 ? 'Fix these rows and import again:' : describeError(result.error)}
        </p>
        {result.rows.length > 0 && (
          <ul>
            {result.rows.map((row, index) => (
              <li key={index}>
                {row.row === null || row.row === 0 ? 'File' : `Row ${row.row}`}: {row.message}
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="link" onClick={clear}>
          Dismiss
        </button>
      </div>
    </div>
  )
}

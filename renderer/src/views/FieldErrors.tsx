import type { AppError } from '@shared/contract'
import { ErrorMessage } from '../components/ErrorMessage'

/** A form's failure: the plain sentence plus one line per invalid field (from details.errors). */
export function FieldErrors({ error }: { error: AppError | null }) {
  if (!error) return null
  const fields = Array.isArray(error.details?.errors)
    ? (error.details.errors as { field?: string; message?: string }[])
    : []
  return (
    <>
      <ErrorMessage error={error} />
      {fields.length > 0 && (
        <ul className="field-errors">
          {fields.map((item, index) => (
            <li key={index}>
              {item.field}: {item.message}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

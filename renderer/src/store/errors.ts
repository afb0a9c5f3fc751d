import type { AppError } from '@shared/contract'

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null)
const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null

/** "in 42 seconds" / "in 2 minutes" for a lock's wait time. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} second${Math.ceil(seconds) === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/**
 * Plain words for an error: what happened and what to do. The seed's FAQ is the guide — an expired token
 * makes every call fail; a permission error means the role lacks a permission object.
 */
export function describeError(error: AppError): string {
  const details = error.details ?? {}
  switch (error.code) {
    case 'token_expired':
      return 'The token has expired, so every API call made with it fails. Regenerate it and update the integrations that use it.'
    case 'token_invalid':
      return 'The service no longer accepts this token (it was revoked or replaced). Generate a new one or paste the current one.'
    case 'permission_denied': {
      const permission = str(details.required_permission) ?? str(details.requiredPermission)
      return permission
        ? `Permission denied: your role lacks the permission object "${permission}". An administrator must add it to the role.`
        : 'Permission denied: your role lacks a permission object this needs. An administrator must add it to the role.'
    }
    case 'api_access_disabled':
      return 'API access is disabled for this user. An administrator must enable it before a token can be generated.'
    case 'invalid_credentials':
      return 'That email and password do not match. Check them and try again.'
    case 'rate_limited': {
      const wait = num(details.retry_after) ?? num(details.retryAfter)
      return wait !== null
        ? `Too many failed sign-ins for this email. Sign-in is locked — try again in ${describeWait(wait)}.`
        : 'Too many failed sign-ins for this email. Wait a minute and try again.'
    }
    case 'session_expired':
      return 'Your session has expired. Sign in again to continue.'
    case 'signed_out':
    case 'session_required':
      return 'You are signed out of this instance. Sign in to continue.'
    case 'no_token':
      return 'There is no token yet. Generate one first.'
    case 'token_exists':
      return 'A token already exists for this user. Use Regenerate to replace it.'
    case 'keychain_unavailable':
      return `The system keychain is not available, so Token Desk cannot store secrets. ${error.message}`
    case 'keychain_write_failed':
      return `The system keychain refused to store the token. ${error.message}`
    case 'network':
      return `Token Desk could not reach the service. Check the connection and try again. (${error.message})`
    case 'timeout':
      return 'The service did not answer in time. Try again in a moment.'
    case 'server_error':
      return 'The service had a problem answering. Try again in a moment.'
    case 'payload_too_large':
      return 'That is too large to send. Use a smaller file.'
    default:
      return error.message || 'Something went wrong. Please try again.'
  }
}

/** The errors that mean "sign in again" for an instance. */
export const isSignInError = (error: AppError): boolean =>
  error.code === 'session_expired' || error.code === 'signed_out' || error.code === 'session_required'

export type RowError = { row: number | null; message: string }

/** Import errors arrive in error.details.rows; accept the shapes a row error may take and flatten them. */
export function rowErrors(error: AppError): RowError[] {
  const rows = error.details?.rows
  if (!Array.isArray(rows)) return []
  return rows.flatMap((item: unknown): RowError[] => {
    if (typeof item === 'string') return [{ row: null, message: item }]
    if (!item || typeof item !== 'object') return []
    const record = item as Record<string, unknown>
    const row = num(record.row) ?? num(record.line) ?? num(record.index)
    const nested = Array.isArray(record.errors) ? record.errors : null
    if (nested) {
      return nested.map((entry: unknown) => {
        const fieldError = (entry ?? {}) as Record<string, unknown>
        const field = str(fieldError.field)
        const message = str(fieldError.message) ?? String(entry)
        return { row, message: field ? `${field}: ${message}` : message }
      })
    }
    const field = str(record.field)
    const message = str(record.message) ?? 'invalid'
    return [{ row, message: field ? `${field}: ${message}` : message }]
  })
}

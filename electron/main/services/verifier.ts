import { AppFailure, type ErrorCode, type InstanceKind, type Verification, type VerificationOutcome } from '@shared/contract'
import type { TokenClient } from './token-client'

/**
 * "Test token": one real call with the stored token, classified into exactly one outcome whose message
 * starts with the outcome's word. HTTP errors are mapped to contract codes by the token client (one mapping
 * for the whole core); this file turns that code — plus the stored expiry, for First Due's codeless 403 —
 * into a Verification. Classification is pure so every branch is unit-testable.
 */

export const DEFAULT_VERIFY_TIMEOUT_MS = 10_000

/** What one call produced: the 2xx answer, or the failure the token client mapped it to. */
export type CallResult =
  | { ok: true; body: unknown; hasNextPage: boolean; latencyMs: number }
  | { ok: false; code: ErrorCode; details: Record<string, unknown> }

export type ClassifyInput = {
  result: CallResult
  /** The expiry Token Desk has stored (for first-due tenants: the date the user typed). */
  storedExpiresAt: string | null
  now: Date
  kind: InstanceKind
  /** As shown to the user, e.g. `GET /fd-api/v1/stations`. */
  endpoint: string
  /** The permission object the endpoint needs, when known from the catalog. */
  requiredPermission: string | null
  /** The call's time limit (for the Timed out message). */
  timeoutMs: number
}

type Outcome = Pick<Verification, 'outcome' | 'message'> &
  Partial<Pick<Verification, 'latencyMs' | 'records' | 'requiredPermission' | 'expiredAt'>>

/** Outcome words the renderer may rely on: each outcome's message starts with its word. */
export const outcomePrefixes: Record<VerificationOutcome, string> = {
  ok: 'OK',
  expired: 'Expired',
  invalid: 'Invalid or revoked',
  invalid_or_permission: 'Invalid or revoked, or missing permission',
  permission_denied: 'Permission denied',
  api_access_disabled: 'API access disabled',
  network: 'Network error',
  timeout: 'Timed out',
  server_error: 'Server error',
}

const serviceName = (kind: InstanceKind) => (kind === 'first-due' ? 'First Due' : 'The token service')

/** `2027-12-03 14:05 UTC`: unambiguous in every locale; the renderer has `expiredAt` to format it locally. */
export const formatInstant = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`

const validInstant = (value: unknown): string | null =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null

const detail = (details: Record<string, unknown>, key: string): string | null =>
  typeof details[key] === 'string' && details[key] !== '' ? details[key] : null

function expired(expiredAt: string | null): Outcome {
  const since = expiredAt ? ` since ${formatInstant(expiredAt)}` : ''
  return { outcome: 'expired', expiredAt, message: `Expired${since}. Regenerate the token and update every integration that uses it.` }
}

function permissionDenied(permission: string | null): Outcome {
  const object = permission ?? 'the permission object this endpoint needs'
  return {
    outcome: 'permission_denied',
    requiredPermission: permission,
    message: `Permission denied: the token is valid but the role lacks ${object}. An administrator must add ${object} to the role.`,
  }
}

const invalid = (kind: InstanceKind): Outcome => ({
  outcome: 'invalid',
  message: `Invalid or revoked: ${serviceName(kind)} no longer accepts this token (it was regenerated, removed, or API access was disabled). Paste the current token or regenerate it.`,
})

const apiAccessDisabled: Outcome = {
  outcome: 'api_access_disabled',
  message: 'API access disabled: an administrator must enable API access for this user ("Enable API access token" on the user record).',
}

/** First Due answers every auth failure with 403 and no code: only the stored expiry can tell "expired" apart. */
function ambiguousAuthFailure(input: ClassifyInput, status: unknown): Outcome {
  const storedExpiry = validInstant(input.storedExpiresAt)
  if (storedExpiry && Date.parse(storedExpiry) <= input.now.getTime()) return expired(storedExpiry)
  const object = input.requiredPermission ?? 'the permission object the endpoint needs'
  const answered = typeof status === 'number' ? `answered ${status}` : 'refused the token'
  return {
    outcome: 'invalid_or_permission',
    requiredPermission: input.requiredPermission,
    message:
      `Invalid or revoked, or missing permission: ${serviceName(input.kind)} ${answered} without saying which. ` +
      'If the token was regenerated or removed, paste the current one. Otherwise remember that a token only ' +
      `authenticates you: an administrator must add ${object} to your role's permission objects.`,
  }
}

function okOutcome(body: unknown, hasNextPage: boolean, latencyMs: number): Outcome {
  const ms = Math.round(latencyMs)
  if (!Array.isArray(body)) return { outcome: 'ok', latencyMs: ms, records: null, message: `OK: answered in ${ms} ms.` }
  const count = body.length
  const more = hasNextPage ? ' on the first page (more pages follow)' : ''
  return { outcome: 'ok', latencyMs: ms, records: count, message: `OK: ${count} ${count === 1 ? 'record' : 'records'} returned${more} in ${ms} ms.` }
}

function failureOutcome(input: ClassifyInput, code: ErrorCode, details: Record<string, unknown>): Outcome {
  switch (code) {
    case 'token_expired':
      return expired(validInstant(details.expired_at) ?? validInstant(input.storedExpiresAt))
    case 'token_invalid':
    case 'token_missing':
      // The token client gives a codeless 401 `token_invalid`: from First Due that is as ambiguous as its 403.
      return input.kind === 'first-due' ? ambiguousAuthFailure(input, details.status) : invalid(input.kind)
    case 'forbidden':
    case 'session_required':
      return ambiguousAuthFailure(input, details.status)
    case 'permission_denied':
      return permissionDenied(detail(details, 'required_permission') ?? input.requiredPermission)
    case 'api_access_disabled':
      return apiAccessDisabled
    case 'network':
      return {
        outcome: 'network',
        message: `Network error: could not reach the service${detail(details, 'reason') ? ` (${detail(details, 'reason')})` : ''}. Check the address and your connection.`,
      }
    case 'timeout':
      return { outcome: 'timeout', message: `Timed out: no answer within ${Math.round(input.timeoutMs / 100) / 10} s. Check the network and try again.` }
    default: {
      const status = typeof details.status === 'number' ? details.status : null
      const what = status !== null && status >= 500 ? `HTTP ${status}` : `an unexpected answer (${status ? `HTTP ${status}, ` : ''}${code})`
      return { outcome: 'server_error', message: `Server error: the service answered ${what}. Try again later.` }
    }
  }
}

/** Pure: one call's result, the stored expiry and the time → one Verification. */
export function classifyResult(input: ClassifyInput): Verification {
  const { result } = input
  const outcome = result.ok ? okOutcome(result.body, result.hasNextPage, result.latencyMs) : failureOutcome(input, result.code, result.details)
  return {
    outcome: outcome.outcome,
    at: input.now.toISOString(),
    endpoint: input.endpoint,
    latencyMs: outcome.latencyMs ?? null,
    records: outcome.records ?? null,
    requiredPermission: outcome.requiredPermission ?? null,
    expiredAt: outcome.expiredAt ?? null,
    message: outcome.message,
  }
}

/** GET `path` with the token through the token client, timing the whole answer (body included). */
export async function callWithToken(client: TokenClient, baseUrl: string, path: string, token: string): Promise<CallResult> {
  const started = performance.now()
  try {
    const answer = await client.request(baseUrl, path, { bearer: token })
    const latencyMs = performance.now() - started
    return { ok: true, body: answer.body, hasNextPage: /rel="?next"?/i.test(answer.headers.get('link') ?? ''), latencyMs }
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, code: error.code, details: error.details ?? {} }
    throw error
  }
}

export type VerifyRequest = Omit<ClassifyInput, 'result' | 'now'> & {
  /** A token client whose time limit is `timeoutMs`. */
  client: TokenClient
  baseUrl: string
  /** Relative to the base URL, e.g. `/stations`. */
  path: string
  token: string
  now: () => Date
}

/** The real call plus its classification. Never throws for HTTP or network trouble: that is the result. */
export async function verifyToken(request: VerifyRequest): Promise<Verification> {
  const { client, baseUrl, path, token, now, ...context } = request
  const result = await callWithToken(client, baseUrl, path, token)
  return classifyResult({ ...context, result, now: now() })
}

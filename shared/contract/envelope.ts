import { z } from 'zod'

// Parsers without generated code: zod would otherwise probe and use `new Function` — a CSP violation report
// in the renderer, and in the main process a parser compiled per object schema on its first use at start-up.
z.config({ jitless: true })

/** Every error a caller of the contract can see. Codes from the token service keep their names. */
export const errorCodes = [
  'invalid_request',
  'not_found',
  'internal',
  'unsupported',
  // OS keychain
  'keychain_unavailable',
  'keychain_write_failed',
  // transport
  'network',
  'timeout',
  'server_error',
  // token service (see token-service-api.md)
  'token_missing',
  'token_invalid',
  'token_expired',
  'session_required',
  'api_access_disabled',
  'permission_denied',
  'invalid_credentials',
  'rate_limited',
  'no_token',
  'token_exists',
  'payload_too_large',
  // app states
  'signed_out',
  'session_expired',
  'forbidden',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Machine-readable extras: required_permission, expired_at, retry_after, rows … */
  details: z.record(z.string(), z.unknown()).optional(),
})
export type AppError = z.infer<typeof appErrorSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
})

/** Thrown inside the main process; the handler table turns it into `{ ok: false, error }`. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'AppFailure'
  }

  toError(): AppError {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message }
  }
}

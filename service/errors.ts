/** Every error the service answers with: `{ code, message, ...extra }` and a status. */
export interface FieldError {
  field: string
  code: string
  message: string
}

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }

  /** Authentication and authorization failures: the ones `--auth-errors first-due` reshapes. */
  get isAuthFailure(): boolean {
    return this.statusCode === 401 || this.statusCode === 403
  }

  body(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.extra }
  }
}

export const invalidRequest = (message: string, errors: FieldError[]): ApiError =>
  new ApiError(400, 'invalid_request', message, { errors })

export const errors = {
  payloadTooLarge: () => new ApiError(413, 'payload_too_large', 'The request body is larger than 64 KiB.'),
  tokenMissing: () =>
    new ApiError(401, 'token_missing', 'Send the token as "Authorization: Bearer <token>".'),
  tokenInvalid: () => new ApiError(401, 'token_invalid', 'The token is unknown, revoked or signed out.'),
  tokenExpired: (expiredAt: string) =>
    new ApiError(401, 'token_expired', 'The token has expired.', { expired_at: expiredAt }),
  sessionRequired: () =>
    new ApiError(403, 'session_required', 'This endpoint needs a signed-in session, not a user token.'),
  apiAccessDisabled: () =>
    new ApiError(
      403,
      'api_access_disabled',
      'API access is disabled for this user; an administrator can enable it.',
    ),
  permissionDenied: (permission: string) =>
    new ApiError(403, 'permission_denied', `The user's role lacks the permission object ${permission}.`, {
      required_permission: permission,
    }),
  invalidCredentials: () => new ApiError(401, 'invalid_credentials', 'Wrong email or password.'),
  rateLimited: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      'rate_limited',
      'Too many failed sign-ins for this email; try again later.',
      {},
      {
        'retry-after': String(retryAfterSeconds),
      },
    ),
  notFound: (message = 'Not found.') => new ApiError(404, 'not_found', message),
  noToken: () => new ApiError(404, 'no_token', 'The user has no token.'),
  tokenExists: () =>
    new ApiError(409, 'token_exists', 'The user already has a token; regenerate it instead.'),
}

/** First Due's own answer to every authentication or authorization failure. */
export const FIRST_DUE_FORBIDDEN = { message: 'Forbidden' }

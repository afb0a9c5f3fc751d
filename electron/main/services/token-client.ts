import { z } from 'zod'
import { AppFailure, errorCodes, meSchema, type ErrorCode, type Me } from '@shared/contract'
import type { HttpFetch } from '../adapters/types'

export const DEFAULT_TIMEOUT_MS = 15_000

const serviceTokenSchema = z.object({
  status: z.enum(['active', 'expired', 'none']),
  created_at: z.string().nullable(),
  expires_at: z.string().nullable(),
  last_used_at: z.string().nullable().optional(),
  hint: z.string().nullable(),
})
const newTokenSchema = serviceTokenSchema.extend({ token: z.string().min(8) })
const sessionSchema = z.object({ access_token: z.string().min(8), token_type: z.string(), expires_in: z.number().positive() })
const rawMeSchema = z.object({
  id: z.union([z.string(), z.number()]),
  name: z.string(),
  email: z.string(),
  role: z.object({ id: z.union([z.string(), z.number()]), name: z.string() }),
  permissions: z.array(z.string()),
  api_access_enabled: z.boolean(),
})
const errorBodySchema = z.object({ code: z.string().optional(), message: z.string().optional() }).loose()

/** The service's view of the user token (camelCase). */
export type ServiceToken = { status: 'active' | 'expired' | 'none'; createdAt: string | null; expiresAt: string | null; lastUsedAt: string | null; hint: string | null }
export type NewToken = ServiceToken & { token: string }
export type NewSession = { accessToken: string; expiresAt: string }

export type TokenClient = {
  signIn(baseUrl: string, email: string, password: string): Promise<NewSession>
  signOut(baseUrl: string, session: string): Promise<void>
  me(baseUrl: string, bearer: string): Promise<Me>
  tokenStatus(baseUrl: string, session: string): Promise<ServiceToken>
  generate(baseUrl: string, session: string): Promise<NewToken>
  regenerate(baseUrl: string, session: string): Promise<NewToken>
  removeToken(baseUrl: string, session: string): Promise<void>
  /** Any JSON call (other modules: endpoints, admin, verification). Errors are AppFailures with contract codes. */
  request(baseUrl: string, path: string, init?: { method?: string; bearer?: string; body?: unknown }): Promise<{ status: number; headers: Headers; body: unknown }>
}

export type TokenClientOptions = { fetch: HttpFetch; timeoutMs?: number; now: () => Date }

const knownCodes = new Set<string>(errorCodes)
const messages: Partial<Record<ErrorCode, string>> = {
  token_missing: 'The service wants you to sign in.',
  token_invalid: 'The service no longer accepts these credentials.',
  token_expired: 'Your sign-in has expired. Please sign in again.',
  session_required: 'This needs a signed-in session, not a user token.',
  api_access_disabled: 'API access is disabled for this user. Ask an administrator to enable it.',
  permission_denied: 'Your role lacks the permission this needs.',
  invalid_credentials: 'The email or password is not correct.',
  rate_limited: 'Too many attempts. Wait a moment and try again.',
  no_token: 'There is no user token on the service.',
  token_exists: 'A user token already exists: regenerate it instead.',
  forbidden: 'The service refused the request (Forbidden).',
  not_found: 'The service does not know this address.',
  server_error: 'The service had a problem. Try again later.',
}

/** Maps a non-2xx answer to a typed AppFailure; unknown shapes (e.g. First Due's bare 403) get a code by status. */
function failureFrom(status: number, headers: Headers, body: unknown): AppFailure {
  const parsed = errorBodySchema.safeParse(body)
  const data = parsed.success ? parsed.data : {}
  let code: ErrorCode
  if (data.code && knownCodes.has(data.code)) code = data.code as ErrorCode
  else if (status >= 500) code = 'server_error'
  else if (status === 401) code = 'token_invalid'
  else if (status === 403) code = 'forbidden'
  else if (status === 404) code = 'not_found'
  else if (status === 429) code = 'rate_limited'
  else code = 'invalid_request'
  const details: Record<string, unknown> = { status }
  if (typeof data.required_permission === 'string') details.required_permission = data.required_permission
  if (typeof data.expired_at === 'string') details.expired_at = data.expired_at
  if (Array.isArray(data.errors)) details.errors = data.errors.slice(0, 20)
  const retryAfter = Number(headers.get('retry-after'))
  if (code === 'rate_limited' && Number.isFinite(retryAfter) && retryAfter >= 0) details.retry_after = retryAfter
  let message = messages[code] ?? (typeof data.message === 'string' ? data.message.slice(0, 300) : `The service answered ${status}.`)
  if (code === 'permission_denied' && details.required_permission) message = `Your role lacks the permission "${String(details.required_permission)}".`
  if (code === 'rate_limited' && details.retry_after !== undefined) message = `Too many attempts. Try again in ${String(details.retry_after)} seconds.`
  return new AppFailure(code, message, details)
}

const toServiceToken = (raw: z.infer<typeof serviceTokenSchema>): ServiceToken => ({
  status: raw.status,
  createdAt: raw.created_at,
  expiresAt: raw.expires_at,
  lastUsedAt: raw.last_used_at ?? null,
  hint: raw.hint,
})

/**
 * The token service's HTTP API, through the http adapter (net.fetch in Electron). Every call has a timeout;
 * every answer becomes a typed value or an AppFailure with the contract's code. Tokens never reach a log or
 * an error message.
 */
export function createTokenClient(options: TokenClientOptions): TokenClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS

  const request: TokenClient['request'] = async (baseUrl, path, init = {}) => {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (init.bearer) headers.authorization = `Bearer ${init.bearer}`
    if (init.body !== undefined) headers['content-type'] = 'application/json'
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const response = await options.fetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: controller.signal,
        redirect: 'error',
      })
      const text = await response.text()
      let body: unknown = null
      if (text) {
        try {
          body = JSON.parse(text)
        } catch {
          body = null
        }
      }
      if (!response.ok) throw failureFrom(response.status, response.headers, body)
      return { status: response.status, headers: response.headers, body }
    } catch (error) {
      if (error instanceof AppFailure) throw error
      if (controller.signal.aborted) throw new AppFailure('timeout', `The service did not answer within ${Math.round(timeoutMs / 1000)} seconds.`)
      throw new AppFailure('network', 'The service could not be reached. Check the address and your connection.', {
        reason: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message).slice(0, 200) : 'unknown',
      })
    } finally {
      clearTimeout(timer)
    }
  }

  /** A 2xx whose body is not what the contract promises is the service's fault, not the user's. */
  const parse = <S extends z.ZodType>(schema: S, body: unknown): z.output<S> => {
    const parsed = schema.safeParse(body)
    if (!parsed.success) throw new AppFailure('server_error', 'The service sent an answer Token Desk does not understand.')
    return parsed.data
  }
  const newToken = async (baseUrl: string, session: string, path: string): Promise<NewToken> => {
    const raw = parse(newTokenSchema, (await request(baseUrl, path, { method: 'POST', bearer: session })).body)
    return { ...toServiceToken(raw), token: raw.token }
  }

  return {
    request,
    async signIn(baseUrl, email, password) {
      const { body } = await request(baseUrl, '/auth/token', { method: 'POST', body: { grant_type: 'client_credentials', email, password } })
      const session = parse(sessionSchema, body)
      return { accessToken: session.access_token, expiresAt: new Date(options.now().getTime() + session.expires_in * 1000).toISOString() }
    },
    async signOut(baseUrl, session) {
      await request(baseUrl, '/auth/token', { method: 'DELETE', bearer: session })
    },
    async me(baseUrl, bearer) {
      const raw = parse(rawMeSchema, (await request(baseUrl, '/me', { bearer })).body)
      return meSchema.parse({ ...raw, apiAccessEnabled: raw.api_access_enabled })
    },
    async tokenStatus(baseUrl, session) {
      return toServiceToken(parse(serviceTokenSchema, (await request(baseUrl, '/user-token', { bearer: session })).body))
    },
    generate: (baseUrl, session) => newToken(baseUrl, session, '/user-token'),
    regenerate: (baseUrl, session) => newToken(baseUrl, session, '/user-token/regenerate'),
    async removeToken(baseUrl, session) {
      await request(baseUrl, '/user-token', { method: 'DELETE', bearer: session })
    },
  }
}

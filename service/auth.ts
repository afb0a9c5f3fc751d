import type { Clock } from './clock'
import type { Store } from './db/store'
import { errors } from './errors'
import type { AuthUser, UserDirectory } from './principals'
import { hashSecret, SESSION_PREFIX, USER_TOKEN_PREFIX } from './secrets'

/** Who is calling, and with what: a session or a user token (`id` is that row's id). */
export interface Principal {
  kind: 'session' | 'user_token'
  id: number
  userId: number
  expiresAt: string
  expiresAtMs: number
}

export interface Caller {
  principal: Principal
  user: AuthUser
  /** The bearer secret as sent: needed to forget a session on sign-out. Never logged, never stored. */
  secret: string
  /** When the call was checked (ms): the instant a successful call counts as the token's last use. */
  at: number
}

/** What an endpoint needs, checked in the contract's order after the token itself. */
export interface Requirement {
  session?: boolean
  apiAccess?: boolean
  permission?: string
}

// Bounded so that a flood of distinct valid tokens cannot grow memory without limit.
const CACHE_LIMIT = 10_000
const BEARER = 'bearer '

function bearerSecret(header: string | undefined): string | null {
  if (header === undefined || header.length <= BEARER.length) return null
  if (header.slice(0, BEARER.length).toLowerCase() !== BEARER) return null
  const secret = header.slice(BEARER.length).trim()
  return secret === '' || /\s/.test(secret) ? null : secret
}

/**
 * Turns an Authorization header into a caller or the contract's error, in the contract's order.
 * Validated tokens are cached by their secret, so the hot path never hashes or touches SQLite; every
 * revocation removes the entry synchronously, before the revoking request answers.
 */
export function createAuthenticator(store: Store, users: UserDirectory, clock: Clock) {
  const cache = new Map<string, Principal>()

  function lookup(secret: string): Principal | null {
    const kind = secret.startsWith(USER_TOKEN_PREFIX)
      ? 'user_token'
      : secret.startsWith(SESSION_PREFIX)
        ? 'session'
        : null
    if (kind === null) return null
    const hash = hashSecret(secret)
    const row = kind === 'user_token' ? store.tokens.liveByHash(hash) : store.sessions.liveByHash(hash)
    if (!row) return null
    return {
      kind,
      id: row.id,
      userId: row.userId,
      expiresAt: row.expiresAt,
      expiresAtMs: Date.parse(row.expiresAt),
    }
  }

  function principalFor(secret: string): Principal | null {
    const cached = cache.get(secret)
    if (cached) return cached
    const found = lookup(secret)
    if (found) {
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
      cache.set(secret, found)
    }
    return found
  }

  function forgetWhere(matches: (principal: Principal) => boolean): void {
    for (const [secret, principal] of cache) if (matches(principal)) cache.delete(secret)
  }

  return {
    authenticate(header: string | undefined, requirement: Requirement): Caller {
      const secret = bearerSecret(header)
      if (secret === null) throw errors.tokenMissing()
      const principal = principalFor(secret)
      const user = principal && users.get(principal.userId)
      if (!principal || !user) throw errors.tokenInvalid()
      const at = clock().getTime()
      if (at >= principal.expiresAtMs) throw errors.tokenExpired(principal.expiresAt)
      if (requirement.session && principal.kind !== 'session') throw errors.sessionRequired()
      if (requirement.apiAccess && !user.apiAccessEnabled) throw errors.apiAccessDisabled()
      if (requirement.permission && !user.permissions.has(requirement.permission)) {
        throw errors.permissionDenied(requirement.permission)
      }
      return { principal, user, secret, at }
    },
    forgetUserTokens(userId: number): void {
      forgetWhere((principal) => principal.kind === 'user_token' && principal.userId === userId)
    },
    forgetSession(secret: string): void {
      cache.delete(secret)
    },
  }
}
export type Authenticator = ReturnType<typeof createAuthenticator>

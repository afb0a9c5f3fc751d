import type { Authenticator } from './auth'
import { iso, type Clock } from './clock'
import type { AuditEventType } from './db/audit'
import type { Store } from './db/store'
import type { TokenRecord } from './db/tokens'
import { errors } from './errors'
import { tokenExpiry } from './expiry'
import type { LastUsedTracker } from './last-used'
import { hashSecret, newUserToken, tokenHint } from './secrets'

export interface TokenStatusView {
  status: 'none' | 'active' | 'expired'
  created_at: string | null
  expires_at: string | null
  last_used_at: string | null
  hint: string | null
}

export interface IssuedToken {
  token: string
  status: 'active'
  created_at: string
  expires_at: string
  hint: string
}

/**
 * The user-token lifecycle. Every operation is synchronous from reading the current row to writing the new
 * one (libsql is synchronous, and nothing here awaits), so concurrent requests cannot interleave: 20
 * simultaneous regenerations run one after another and leave exactly one live token.
 */
export function createUserTokens(store: Store, auth: Authenticator, lastUsed: LastUsedTracker, clock: Clock) {
  function issue(userId: number, event: AuditEventType, actorId: number): IssuedToken {
    const createdAt = clock()
    const token = newUserToken()
    const row = {
      userId,
      hash: hashSecret(token),
      hint: tokenHint(token),
      createdAt: iso(createdAt),
      expiresAt: iso(tokenExpiry(createdAt)),
    }
    store.transaction(() => {
      store.tokens.revokeLive(userId, row.createdAt)
      store.tokens.insert(row)
      store.audit.record({ at: row.createdAt, type: event, actor_id: actorId, subject_id: userId })
    })
    auth.forgetUserTokens(userId)
    return { token, status: 'active', created_at: row.createdAt, expires_at: row.expiresAt, hint: row.hint }
  }

  return {
    view(userId: number): TokenStatusView {
      return viewOf(store.tokens.liveOf(userId), lastUsed, clock)
    },
    generate(userId: number): IssuedToken {
      if (store.tokens.liveOf(userId)) throw errors.tokenExists()
      return issue(userId, 'token.generated', userId)
    },
    regenerate(userId: number): IssuedToken {
      if (!store.tokens.liveOf(userId)) throw errors.noToken()
      return issue(userId, 'token.regenerated', userId)
    },
    /** Revokes the user's live token; `actorId` is who asked (the user, or an administrator). */
    revoke(userId: number, actorId: number): boolean {
      const at = iso(clock())
      const revoked = store.transaction(() => {
        const changed = store.tokens.revokeLive(userId, at)
        if (changed) store.audit.record({ at, type: 'token.removed', actor_id: actorId, subject_id: userId })
        return changed
      })
      auth.forgetUserTokens(userId)
      return revoked
    },
  }
}
export type UserTokens = ReturnType<typeof createUserTokens>

export function viewOf(token: TokenRecord | null, lastUsed: LastUsedTracker, clock: Clock): TokenStatusView {
  if (!token) return { status: 'none', created_at: null, expires_at: null, last_used_at: null, hint: null }
  return {
    status: clock().getTime() >= Date.parse(token.expiresAt) ? 'expired' : 'active',
    created_at: token.createdAt,
    expires_at: token.expiresAt,
    last_used_at: lastUsed.read(token.id, token.lastUsedAt),
    hint: token.hint,
  }
}

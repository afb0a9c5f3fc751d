import type { Db } from './open'

/** A user token as stored: its hash stays in the database, only metadata leaves this module. */
export interface TokenRecord {
  id: number
  userId: number
  hint: string
  createdAt: string
  expiresAt: string
  lastUsedAt: string | null
}

interface TokenRow {
  id: number
  user_id: number
  hint: string
  created_at: string
  expires_at: string
  last_used_at: string | null
}

const toToken = (row: TokenRow): TokenRecord => ({
  id: row.id,
  userId: row.user_id,
  hint: row.hint,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
})

const SELECT_TOKEN = 'SELECT id, user_id, hint, created_at, expires_at, last_used_at FROM user_tokens'

export function tokenQueries(db: Db) {
  const liveOf = db.prepare(`${SELECT_TOKEN} WHERE user_id = ? AND revoked_at IS NULL`)
  const liveByHash = db.prepare(`${SELECT_TOKEN} WHERE token_hash = ? AND revoked_at IS NULL`)
  const insert = db.prepare(
    'INSERT INTO user_tokens (user_id, token_hash, hint, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  )
  const revokeLive = db.prepare(
    'UPDATE user_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL',
  )
  const lastUsed = db.prepare('UPDATE user_tokens SET last_used_at = ? WHERE id = ?')

  return {
    liveOf: (userId: number): TokenRecord | null => {
      const row = liveOf.get(userId) as TokenRow | undefined
      return row ? toToken(row) : null
    },
    liveByHash: (hash: string): TokenRecord | null => {
      const row = liveByHash.get(hash) as TokenRow | undefined
      return row ? toToken(row) : null
    },
    insert: (token: {
      userId: number
      hash: string
      hint: string
      createdAt: string
      expiresAt: string
    }): number =>
      Number(
        insert.run(token.userId, token.hash, token.hint, token.createdAt, token.expiresAt).lastInsertRowid,
      ),
    /** Returns whether there was a live token to revoke. */
    revokeLive: (userId: number, at: string): boolean => revokeLive.run(at, userId).changes > 0,
    writeLastUsed: (tokenId: number, at: string): void => void lastUsed.run(at, tokenId),
  }
}
export type TokenQueries = ReturnType<typeof tokenQueries>

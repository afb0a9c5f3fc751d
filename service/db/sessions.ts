import type { Db } from './open'

export interface SessionRecord {
  id: number
  userId: number
  expiresAt: string
}

export function sessionQueries(db: Db) {
  const insert = db.prepare(
    'INSERT INTO sessions (user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)',
  )
  const liveByHash = db.prepare(
    'SELECT id, user_id, expires_at FROM sessions WHERE token_hash = ? AND revoked_at IS NULL',
  )
  const revoke = db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')

  return {
    insert: (session: { userId: number; hash: string; createdAt: string; expiresAt: string }): number =>
      Number(insert.run(session.userId, session.hash, session.createdAt, session.expiresAt).lastInsertRowid),
    liveByHash: (hash: string): SessionRecord | null => {
      const row = liveByHash.get(hash) as { id: number; user_id: number; expires_at: string } | undefined
      return row ? { id: row.id, userId: row.user_id, expiresAt: row.expires_at } : null
    },
    revoke: (id: number, at: string): void => void revoke.run(at, id),
  }
}
export type SessionQueries = ReturnType<typeof sessionQueries>

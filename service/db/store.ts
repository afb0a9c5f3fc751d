import { auditQueries } from './audit'
import { acquireDatabase, releaseDatabase, type Db } from './open'
import { recordQueries } from './records'
import { sessionQueries } from './sessions'
import { tokenQueries } from './tokens'
import { userQueries } from './users'

/** Every query the service runs, prepared once. All calls are synchronous (libsql). */
export interface Store {
  db: Db
  users: ReturnType<typeof userQueries>
  tokens: ReturnType<typeof tokenQueries>
  sessions: ReturnType<typeof sessionQueries>
  audit: ReturnType<typeof auditQueries>
  records: ReturnType<typeof recordQueries>
  /** Runs `fn` in one transaction (all or nothing); inside another transaction it simply joins it. */
  transaction<T>(fn: () => T): T
  close(): void
}

export function openStore(dbPath: string): Store {
  const db = acquireDatabase(dbPath)
  return {
    db,
    users: userQueries(db),
    tokens: tokenQueries(db),
    sessions: sessionQueries(db),
    audit: auditQueries(db),
    records: recordQueries(db),
    // libsql's transaction() does not nest (no savepoints): join the open transaction instead.
    transaction: <T>(fn: () => T): T => (db.inTransaction ? fn() : (db.transaction(fn)() as T)),
    close: () => releaseDatabase(db),
  }
}

import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'libsql'
import { migrations } from './migrations'

export type Db = Database.Database

/** Another process (or another service in this one) already owns the database file. */
export class DatabaseInUseError extends Error {
  readonly code = 'database_in_use'
  constructor(readonly dbPath: string) {
    super(`The database ${dbPath} is already in use by another token service. Stop it or choose another --db.`)
  }
}

const isBusy = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_BUSY')

/**
 * Opens the file in WAL mode and takes SQLite's exclusive lock for the life of the connection: a second
 * service on the same file gets SQLITE_BUSY at once, and the OS drops the lock when the owner dies, so a
 * crashed service never leaves a stale lock behind (unlike a pid file).
 */
export function openDatabase(dbPath: string): Db {
  mkdirSync(dirname(dbPath), { recursive: true })
  const db = new Database(dbPath)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('locking_mode = EXCLUSIVE')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    // The first write transaction takes the exclusive lock, which EXCLUSIVE mode then never releases.
    db.exec('BEGIN IMMEDIATE; COMMIT')
    migrate(db)
  } catch (error) {
    db.close()
    if (isBusy(error)) throw new DatabaseInUseError(dbPath)
    throw error
  }
  return db
}

function schemaVersion(db: Db): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number }
  return row.user_version
}

function migrate(db: Db): void {
  const current = schemaVersion(db)
  if (current > migrations.length) {
    throw new Error(`The database has schema version ${current}; this service knows only up to ${migrations.length}.`)
  }
  migrations.slice(current).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql)
      db.exec(`PRAGMA user_version = ${current + index + 1}`)
    })()
  })
}

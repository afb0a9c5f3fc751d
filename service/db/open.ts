import { mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'libsql'
import { migrations } from './migrations'

export type Db = Database.Database

/** Another process (or another service in this one) already owns the database file. */
export class DatabaseInUseError extends Error {
  readonly code = 'database_in_use'
  constructor(readonly dbPath: string) {
    super(
      `The database ${dbPath} is already in use by another token service. Stop it or choose another --db.`,
    )
  }
}

const isBusy = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  String(error.code).startsWith('SQLITE_BUSY')

/**
 * Opens the file in WAL mode and takes SQLite's exclusive lock for the life of the connection: a second
 * service on the same file gets SQLITE_BUSY at once, and the OS drops the lock when the owner dies, so a
 * crashed service never leaves a stale lock behind (unlike a pid file).
 */
function openLocked(dbPath: string): Db {
  if (dbPath !== MEMORY) mkdirSync(dirname(dbPath), { recursive: true })
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
    throw new Error(
      `The database has schema version ${current}; this service knows only up to ${migrations.length}.`,
    )
  }
  migrations.slice(current).forEach((sql, index) => {
    db.transaction(() => {
      db.exec(sql)
      db.exec(`PRAGMA user_version = ${current + index + 1}`)
    })()
  })
}

/** SQLite's in-memory database (for throwaway instances): no file, no lock, gone on close. */
const MEMORY = ':memory:'

interface Held {
  db: Db
  inode: number
  inUse: boolean
}

/**
 * libsql frees a connection (and with it the file lock) only when it is garbage-collected, not on
 * close(): a service restarted in the same process would find its own file locked. So this process keeps
 * each connection it opened and hands it to the next service on the same file once the previous one has
 * released it. Other processes can take the file once this one exits.
 */
const held = new Map<string, Held>()

const inodeOf = (path: string): number | null => {
  try {
    return statSync(path).ino
  } catch {
    return null
  }
}

/** The database at `dbPath`, locked for this service until `releaseDatabase`. */
export function acquireDatabase(dbPath: string): Db {
  if (dbPath === MEMORY) return openLocked(MEMORY) // private to its connection: nothing to share or lock
  const key = resolve(dbPath)
  const previous = held.get(key)
  if (previous && previous.inode === inodeOf(key)) {
    if (previous.inUse) throw new DatabaseInUseError(dbPath)
    previous.inUse = true
    migrate(previous.db)
    return previous.db
  }
  // The file was deleted or replaced since: the old connection points at a file nobody can see any more.
  if (previous) {
    held.delete(key)
    previous.db.close()
  }
  const db = openLocked(key)
  held.set(key, { db, inode: inodeOf(key) ?? -1, inUse: true })
  return db
}

/** Folds the WAL into the main file and hands the connection back (see `held`). */
export function releaseDatabase(db: Db): void {
  if (db.memory) {
    db.close()
    return
  }
  db.pragma('wal_checkpoint(TRUNCATE)')
  for (const entry of held.values()) if (entry.db === db) entry.inUse = false
}

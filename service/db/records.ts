import type { Db } from './open'

/** The four demo collections the data endpoints serve. */
export const COLLECTIONS = ['personnel', 'dispatches', 'fire_incidents', 'stations'] as const
export type Collection = (typeof COLLECTIONS)[number]

export interface DataRecord {
  id: number
  createdAt: string
  body: Record<string, unknown>
}

export function recordQueries(db: Db) {
  const insert = db.prepare('INSERT INTO records (collection, id, created_at, body) VALUES (?, ?, ?, ?)')
  const ofCollection = db.prepare('SELECT id, created_at, body FROM records WHERE collection = ? ORDER BY id')
  const getMeta = db.prepare('SELECT value FROM meta WHERE key = ?')
  const setMeta = db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )

  return {
    insert: (collection: Collection, record: DataRecord): void =>
      void insert.run(collection, record.id, record.createdAt, JSON.stringify(record.body)),
    all: (collection: Collection): DataRecord[] =>
      (ofCollection.all(collection) as { id: number; created_at: string; body: string }[]).map((row) => ({
        id: row.id,
        createdAt: row.created_at,
        body: JSON.parse(row.body) as Record<string, unknown>,
      })),
    meta: (key: string): string | null => (getMeta.get(key) as { value: string } | undefined)?.value ?? null,
    setMeta: (key: string, value: string): void => void setMeta.run(key, value),
  }
}
export type RecordQueries = ReturnType<typeof recordQueries>

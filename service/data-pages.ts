import type { Collection, DataRecord } from './db/records'
import type { Store } from './db/store'

export const PAGE_SIZE = 20

export interface Page {
  /** The page's records, already serialized: the hot path sends this string as is. */
  json: string
  hasNext: boolean
}

/**
 * The demo records, loaded once: nothing in the API writes them, so whole pages are serialized once
 * and served from memory.
 */
export function createDataPages(store: Store) {
  const records = new Map<Collection, DataRecord[]>()
  const pages = new Map<string, Page>()

  const all = (collection: Collection): DataRecord[] => {
    let list = records.get(collection)
    if (!list) {
      list = store.records.all(collection)
      records.set(collection, list)
    }
    return list
  }

  const slice = (list: DataRecord[], page: number): Page => {
    const start = (page - 1) * PAGE_SIZE
    return {
      json: JSON.stringify(list.slice(start, start + PAGE_SIZE).map((record) => record.body)),
      hasNext: list.length > start + PAGE_SIZE,
    }
  }

  return {
    page(collection: Collection, page: number): Page {
      const key = `${collection}:${page}`
      let cached = pages.get(key)
      if (!cached) {
        cached = slice(all(collection), page)
        // Past-the-end pages are all alike ("[]"): cache only real ones so odd page numbers cannot grow memory.
        if (!cached.hasNext && cached.json === '[]') return cached
        pages.set(key, cached)
      }
      return cached
    },
    /** Records created at or after `sinceMs`, paged the same way (not cached: `since` varies freely). */
    pageSince(collection: Collection, sinceMs: number, page: number): Page {
      return slice(
        all(collection).filter((record) => Date.parse(record.createdAt) >= sinceMs),
        page,
      )
    },
  }
}
export type DataPages = ReturnType<typeof createDataPages>

import type { Store } from './db/store'

export const LAST_USED_FLUSH_MS = 5_000

/**
 * `last_used_at` changes on every call made with a user token; writing SQLite each time would halve
 * throughput. Uses are kept in memory (readers see them at once) and written behind: every 5 s and on
 * close.
 */
export function createLastUsedTracker(store: Store) {
  // Milliseconds, not ISO strings: formatting a date on every call would cost more than the Map write.
  const pending = new Map<number, number>()
  let timer: NodeJS.Timeout | null = null

  function flush(): void {
    if (pending.size === 0) return
    const writes = [...pending]
    pending.clear()
    store.transaction(() => {
      for (const [tokenId, at] of writes) store.tokens.writeLastUsed(tokenId, new Date(at).toISOString())
    })
  }

  return {
    touch(tokenId: number, atMs: number): void {
      pending.set(tokenId, atMs)
    },
    /** The newest use: the pending one if not yet written, else what the database holds. */
    read(tokenId: number, stored: string | null): string | null {
      const at = pending.get(tokenId)
      return at === undefined ? stored : new Date(at).toISOString()
    },
    start(): void {
      timer ??= setInterval(flush, LAST_USED_FLUSH_MS)
      timer.unref()
    },
    /** Stops the timer and writes what is pending. */
    stop(): void {
      if (timer) clearInterval(timer)
      timer = null
      flush()
    },
    flush,
  }
}
export type LastUsedTracker = ReturnType<typeof createLastUsedTracker>

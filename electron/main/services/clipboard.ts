import type { ClipboardAdapter } from '../adapters/types'

export type ClipboardService = {
  /** Puts a secret on the clipboard and clears it after `clearAfterSeconds` unless something else replaced it. */
  copySecret(secret: string, clearAfterSeconds: number): Promise<{ clearsInSeconds: number }>
  /** Clears a pending secret now (on quit) — again only if the clipboard still holds it. */
  close(): Promise<void>
}

/** Copy with auto-clear. At most one pending clear: a newer copy replaces the older one's timer. */
export function createClipboardService(adapter: ClipboardAdapter, onError: (error: unknown) => void = () => {}): ClipboardService {
  let pending: { secret: string; timer: ReturnType<typeof setTimeout> } | null = null

  const clearIfStillOurs = async (secret: string) => {
    if ((await adapter.readText()) === secret) await adapter.clear()
  }
  const cancel = () => {
    if (pending) clearTimeout(pending.timer)
    const secret = pending?.secret ?? null
    pending = null
    return secret
  }

  return {
    async copySecret(secret, clearAfterSeconds) {
      cancel()
      await adapter.writeSecret(secret)
      const timer = setTimeout(() => {
        pending = null
        clearIfStillOurs(secret).catch(onError)
      }, clearAfterSeconds * 1000)
      // A pending clear must not keep a Node process (tests, the preview) alive on its own.
      timer.unref?.()
      pending = { secret, timer }
      return { clearsInSeconds: clearAfterSeconds }
    },
    async close() {
      const secret = cancel()
      if (secret) await clearIfStillOurs(secret).catch(onError)
    },
  }
}

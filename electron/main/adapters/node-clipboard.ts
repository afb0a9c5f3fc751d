import type { ClipboardAdapter } from './types'

/**
 * A process-local clipboard for hosts without a system one (tests, headless runs). It behaves like the real
 * thing for the core: the last write wins, clear empties it. `writes` counts writes.
 */
export function createMemoryClipboard(): ClipboardAdapter & { readonly writes: number } {
  let text = ''
  let writes = 0
  return {
    get writes() {
      return writes
    },
    async writeSecret(value) {
      text = value
      writes += 1
    },
    async readText() {
      return text
    },
    async clear() {
      text = ''
    },
  }
}

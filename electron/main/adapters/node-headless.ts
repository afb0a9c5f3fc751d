import { createMemoryClipboard } from './node-clipboard'
import { nodeHttp } from './node-http'
import { createNodeNotifier } from './node-notifier'
import type { Adapters } from './types'

/**
 * Adapters for a core with no desktop around it (tests, benchmarks, scripts): real HTTP, a process-local
 * clipboard, a shell that only records what it was asked to open, kept notifications, no power events, a
 * login item that remembers its flag. `overrides` swaps any of them (e.g. a fault-injecting http).
 */
export function createHeadlessAdapters(overrides: Partial<Adapters> = {}) {
  const opened: string[] = []
  const clipboard = createMemoryClipboard()
  let startAtLogin = false
  const adapters: Adapters = {
    http: nodeHttp,
    clipboard,
    shell: { openExternal: async (url) => void opened.push(url) },
    notifier: createNodeNotifier(),
    power: { onResume: () => () => {} },
    loginItem: { isEnabled: async () => startAtLogin, setEnabled: async (enabled) => void (startAtLogin = enabled) },
    ...overrides,
  }
  return { adapters, clipboard, opened }
}

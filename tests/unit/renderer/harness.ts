import { afterEach, beforeEach, expect } from 'vitest'
import { buildTokenDeskApi, type ExportFile, type TokenDeskApi } from '@shared/contract'
import type { StoreApi } from 'zustand/vanilla'
import { createCore, type Core } from '../../../electron/main/core'
import type { SecretStore } from '../../../electron/main/services/secret-store'
import { connectEvents, createAppStore, type AppState } from '../../../renderer/src/store'
import { removeDir, tempDir, testAdapters } from '../../integration/core/helpers'

/** Timers the test fires by hand, so countdowns and re-masking are checked without waiting. */
export function manualTimers() {
  const pending = new Map<number, () => void>()
  let next = 1
  return {
    setTimer: (callback: () => void, _ms: number) => {
      const id = next++
      pending.set(id, callback)
      return id
    },
    clearTimer: (handle: unknown) => void pending.delete(handle as number),
    /** Runs every pending timer once. */
    fireAll() {
      const callbacks = [...pending.values()]
      pending.clear()
      callbacks.forEach((callback) => callback())
    },
    get size() {
      return pending.size
    },
  }
}

export type Harness = {
  core: Core
  api: TokenDeskApi
  store: StoreApi<AppState>
  state: () => AppState
  saved: ExportFile[]
  copied: string[]
  clipboard: ReturnType<typeof testAdapters>['clipboard']
  timers: ReturnType<typeof manualTimers>
  close(): Promise<void>
}

/**
 * The renderer's store over the REAL core: window.tokenDesk is built with the contract's own
 * buildTokenDeskApi over core.dispatch / core.onRendererEvent, exactly as the preload and the preview do.
 */
export async function startHarness(
  options: { sandboxNow?: string; secretStore?: SecretStore } = {},
): Promise<Harness> {
  const dataDir = tempDir('token-desk-renderer-')
  const { adapters, clipboard } = testAdapters()
  const core = await createCore({ dataDir, adapters, host: 'preview', ...options })
  const api = buildTokenDeskApi(
    (channel, payload) => core.dispatch(channel, payload, { host: 'preview' }),
    (event, listener) => core.onRendererEvent((name, payload) => name === event && listener(payload)),
  )
  const saved: ExportFile[] = []
  const copied: string[] = []
  const timers = manualTimers()
  const store = createAppStore({
    api,
    now: () => Date.now(),
    saveFile: (file) => void saved.push(file),
    copyText: async (text) => void copied.push(text),
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
  })
  const disconnect = connectEvents(store, api)
  return {
    core,
    api,
    store,
    state: () => store.getState(),
    saved,
    copied,
    clipboard,
    timers,
    async close() {
      disconnect()
      await core.close()
      removeDir(dataDir)
    },
  }
}

/** Waits until `check` passes (events arrive asynchronously after the call that caused them). */
export async function eventually(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * Registers beforeEach / afterEach that give each test a started store (ui.start() done) over a fresh core,
 * and returns accessors for it: the harness and the active (sandbox) instance's id.
 */
export function useStartedHarness(options: { sandboxNow?: string } = {}): {
  h: () => Harness
  id: () => string
} {
  let harness: Harness | null = null
  beforeEach(async () => {
    harness = await startHarness(options)
    await harness.state().ui.start()
  })
  afterEach(async () => {
    await harness?.close()
    harness = null
  })
  const h = () => harness ?? expect.fail('no harness outside a test')
  return { h, id: () => h().state().instances.activeId! }
}

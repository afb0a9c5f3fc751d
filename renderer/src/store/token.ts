import type { AppError, Result, TokenChange, TokenView } from '@shared/contract'
import type { AppState, SliceCreator } from './types'

/** How long a revealed token stays visible before it is masked again. */
export const REVEAL_SECONDS = 10

export type TokenAction = 'generate' | 'regenerate' | 'remove' | 'copy' | 'reveal' | 'calendar'

export type TokenSlice = {
  byInstance: Record<string, TokenView>
  loading: Record<string, boolean>
  errors: Record<string, AppError | null>
  busy: { instanceId: string; action: TokenAction } | null
  revealed: { instanceId: string; token: string } | null
  /** A new token the keychain refused to store: shown once, "not saved — copy it now". */
  unsaved: { instanceId: string; token: string } | null
  /** The clipboard holds the token until `clearsAt` (ms since the epoch). */
  copied: { instanceId: string; clearsAt: number } | null
  load(instanceId: string): Promise<void>
  generate(instanceId: string): Promise<boolean>
  regenerate(instanceId: string): Promise<boolean>
  remove(instanceId: string): Promise<boolean>
  /** Reveal toggles: reveal for REVEAL_SECONDS, or mask again at once. */
  toggleReveal(instanceId: string): Promise<void>
  copy(instanceId: string): Promise<boolean>
  exportCalendar(instanceId: string): Promise<boolean>
  /** Store a token made elsewhere (replaced elsewhere, or a First Due tenant's). */
  paste(instanceId: string, token: string, expiresAt: string): Promise<boolean>
  /** Copy the token the keychain refused (it exists nowhere else). */
  copyUnsaved(): Promise<boolean>
  dismissUnsaved(): void
}

export const createTokenSlice: SliceCreator<'token'> = (set, get, deps) => {
  const { api } = deps
  let revealTimer: unknown = null
  let copyTimer: unknown = null

  const setView = (view: TokenView) =>
    set((slice) => ({
      byInstance: { ...slice.byInstance, [view.instanceId]: view },
      errors: { ...slice.errors, [view.instanceId]: null },
    }))
  const setError = (instanceId: string, error: AppError | null) => {
    set((slice) => ({ errors: { ...slice.errors, [instanceId]: error } }))
    if (error) get().session.noteError(instanceId, error)
  }
  /** Run one token action with the busy flag held; failures land in errors[instanceId]. */
  const act = async <T>(
    instanceId: string,
    action: TokenAction,
    call: () => Promise<Result<T>>,
  ): Promise<T | null> => {
    set({ busy: { instanceId, action } })
    try {
      const result = await call()
      if (!result.ok) {
        setError(instanceId, result.error)
        return null
      }
      setError(instanceId, null)
      return result.value
    } finally {
      set({ busy: null })
    }
  }
  const mask = () => {
    if (revealTimer !== null) deps.clearTimer(revealTimer)
    revealTimer = null
    set({ revealed: null })
  }
  const applyChange = async (instanceId: string, change: TokenChange | null) => {
    if (!change) return false
    mask()
    setView(change.view)
    set({ unsaved: change.unsavedToken ? { instanceId, token: change.unsavedToken } : null })
    await get().integrations.load()
    return true
  }

  return {
    byInstance: {},
    loading: {},
    errors: {},
    busy: null,
    revealed: null,
    unsaved: null,
    copied: null,

    async load(instanceId) {
      set((slice) => ({ loading: { ...slice.loading, [instanceId]: true } }))
      const result = await api.token.status({ instanceId })
      set((slice) => ({ loading: { ...slice.loading, [instanceId]: false } }))
      if (result.ok) setView(result.value)
      else setError(instanceId, result.error)
    },

    async generate(instanceId) {
      return applyChange(
        instanceId,
        await act(instanceId, 'generate', () => api.token.generate({ instanceId })),
      )
    },

    async regenerate(instanceId) {
      return applyChange(
        instanceId,
        await act(instanceId, 'regenerate', () => api.token.regenerate({ instanceId })),
      )
    },

    async remove(instanceId) {
      const view = await act(instanceId, 'remove', () => api.token.remove({ instanceId }))
      if (!view) return false
      mask()
      setView(view)
      if (get().token.unsaved?.instanceId === instanceId) set({ unsaved: null })
      return true
    },

    async toggleReveal(instanceId) {
      if (get().token.revealed?.instanceId === instanceId) return mask()
      const value = await act(instanceId, 'reveal', () => api.token.reveal({ instanceId }))
      if (!value) return
      mask()
      set({ revealed: { instanceId, token: value.token } })
      revealTimer = deps.setTimer(mask, REVEAL_SECONDS * 1000)
    },

    async copy(instanceId) {
      const value = await act(instanceId, 'copy', () => api.token.copy({ instanceId }))
      if (!value) return false
      if (copyTimer !== null) deps.clearTimer(copyTimer)
      set({ copied: { instanceId, clearsAt: deps.now() + value.clearsInSeconds * 1000 } })
      copyTimer = deps.setTimer(() => {
        copyTimer = null
        set({ copied: null })
      }, value.clearsInSeconds * 1000)
      return true
    },

    async exportCalendar(instanceId) {
      const file = await act(instanceId, 'calendar', () => api.token.calendar({ instanceId }))
      if (!file) return false
      deps.saveFile(file)
      return true
    },

    async paste(instanceId, token, expiresAt) {
      const view = await act(instanceId, 'generate', () => api.token.paste({ instanceId, token, expiresAt }))
      if (!view) return false
      setView(view)
      await get().integrations.load()
      return true
    },

    async copyUnsaved() {
      const unsaved = get().token.unsaved
      if (!unsaved) return false
      try {
        await deps.copyText(unsaved.token)
        return true
      } catch {
        get().ui.notify({ level: 'error', message: 'Could not copy. Select the token and copy it by hand.' })
        return false
      }
    },

    dismissUnsaved() {
      set({ unsaved: null })
    },
  }
}

export const selectTokenView = (state: AppState, instanceId: string | null): TokenView | null =>
  instanceId ? (state.token.byInstance[instanceId] ?? null) : null

/** Whole seconds until the clipboard is cleared, or null when nothing was copied for this instance. */
export function selectCopySecondsLeft(
  state: AppState,
  instanceId: string | null,
  nowMs: number,
): number | null {
  const copied = state.token.copied
  if (!copied || copied.instanceId !== instanceId) return null
  return Math.max(0, Math.ceil((copied.clearsAt - nowMs) / 1000))
}

export const selectIsBusy = (state: AppState, instanceId: string | null, action?: TokenAction): boolean => {
  const busy = state.token.busy
  return busy !== null && busy.instanceId === instanceId && (action === undefined || busy.action === action)
}

import type { AppError, Settings } from '@shared/contract'
import type { AppState, LoadState, SliceCreator } from './types'

export type SettingsSlice = {
  value: Settings | null
  status: LoadState
  error: AppError | null
  /** The last rejected update (e.g. reminder days out of range), shown next to the form. */
  updateError: AppError | null
  load(): Promise<void>
  update(patch: Partial<Settings>): Promise<boolean>
  /** Settings changed elsewhere (another window, the tray): take them as they are. */
  receive(settings: Settings): void
}

export const createSettingsSlice: SliceCreator<'settings'> = (set, get, { api }) => ({
  value: null,
  status: 'idle',
  error: null,
  updateError: null,

  async load() {
    set({ status: 'loading', error: null })
    const result = await api.settings.get()
    if (!result.ok) return set({ status: 'error', error: result.error })
    set({ value: result.value, status: 'ready' })
  },

  async update(patch) {
    // Optimistic, so toggles and radios answer at once; a refusal puts the previous value back.
    const previous = get().settings.value
    if (previous) set({ value: { ...previous, ...patch } })
    const result = await api.settings.update(patch)
    if (!result.ok) {
      set({ updateError: result.error, value: previous })
      return false
    }
    set({ value: result.value, updateError: null })
    return true
  },

  receive(settings) {
    set({ value: settings, status: 'ready' })
  },
})

/** The theme to paint: 'system' follows the OS (prefers-color-scheme), anything else forces it. */
export const selectTheme = (state: AppState): Settings['theme'] => state.settings.value?.theme ?? 'system'

/** "90, 30, 7" — reminder days as typed in the form. */
export const formatReminderDays = (days: readonly number[]): string =>
  [...days].sort((a, b) => b - a).join(', ')

/** Parses "90, 30, 7" into whole days; null when any part is not a whole number. */
export function parseReminderDays(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  if (parts.length === 0 || parts.some((part) => !/^\d+$/.test(part))) return null
  return parts.map(Number)
}

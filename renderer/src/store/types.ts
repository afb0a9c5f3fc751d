import type { AppError, ExportFile, TokenDeskApi } from '@shared/contract'
import type { ActivitySlice } from './activity'
import type { InstancesSlice } from './instances'
import type { IntegrationsSlice } from './integrations'
import type { SessionSlice } from './session'
import type { SettingsSlice } from './settings'
import type { TokenSlice } from './token'
import type { UiSlice } from './ui'
import type { VerificationSlice } from './verification'
import type { AdminSlice } from './admin'

/** Where a piece of remote data stands; every view renders each of these. */
export type LoadState = 'idle' | 'loading' | 'ready' | 'error'

export type AppState = {
  instances: InstancesSlice
  session: SessionSlice
  token: TokenSlice
  integrations: IntegrationsSlice
  settings: SettingsSlice
  activity: ActivitySlice
  ui: UiSlice
  verification: VerificationSlice
  admin: AdminSlice
}
export type SliceName = keyof AppState

/** What the store needs from its surroundings: injected so the same store runs in Node tests. */
export type StoreDeps = {
  api: TokenDeskApi
  /** Milliseconds since the epoch. */
  now: () => number
  /** Hand a text file to the user (a Blob download in the browser). */
  saveFile: (file: ExportFile) => void
  /** Put plain text on the clipboard from the renderer (only for a token the keychain refused). */
  copyText: (text: string) => Promise<void>
  setTimer: (callback: () => void, ms: number) => unknown
  clearTimer: (handle: unknown) => void
}

export type SetSlice<K extends SliceName> = (
  patch: Partial<AppState[K]> | ((slice: AppState[K]) => Partial<AppState[K]>),
) => void

export type SliceCreator<K extends SliceName> = (
  set: SetSlice<K>,
  get: () => AppState,
  deps: StoreDeps,
) => AppState[K]

export type { AppError }

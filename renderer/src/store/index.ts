import { createStore, type StoreApi } from 'zustand/vanilla'
import { createActivitySlice } from './activity'
import { createInstancesSlice } from './instances'
import { createIntegrationsSlice } from './integrations'
import { createSessionSlice } from './session'
import { createSettingsSlice } from './settings'
import { createTokenSlice } from './token'
import type { AppState, SetSlice, SliceName, StoreDeps } from './types'
import { createUiSlice } from './ui'
import { createVerificationSlice } from './verification'
import { createAdminSlice } from './admin'

export type { AppState, StoreDeps } from './types'
export { connectEvents } from './events'

/** The one store: a slice per concern, each updating only its own key. */
export function createAppStore(deps: StoreDeps): StoreApi<AppState> {
  return createStore<AppState>()((set, get) => {
    const setSlice =
      <K extends SliceName>(key: K): SetSlice<K> =>
      (patch) =>
        set((state) => {
          const slice = state[key]
          const partial = typeof patch === 'function' ? patch(slice) : patch
          return { [key]: { ...slice, ...partial } } as Partial<AppState>
        })
    return {
      instances: createInstancesSlice(setSlice('instances'), get, deps),
      session: createSessionSlice(setSlice('session'), get, deps),
      token: createTokenSlice(setSlice('token'), get, deps),
      integrations: createIntegrationsSlice(setSlice('integrations'), get, deps),
      settings: createSettingsSlice(setSlice('settings'), get, deps),
      activity: createActivitySlice(setSlice('activity'), get, deps),
      ui: createUiSlice(setSlice('ui'), get, deps),
      verification: createVerificationSlice(setSlice('verification'), get, deps),
      admin: createAdminSlice(setSlice('admin'), get, deps),
    }
  })
}

import type { AppError, Notice } from '@shared/contract'
import type { AppState, SliceCreator } from './types'

export type View = 'token' | 'integrations' | 'activity' | 'settings' | 'admin'
export const views: { id: View; label: string }[] = [
  { id: 'token', label: 'Token' },
  { id: 'integrations', label: 'Integrations' },
  { id: 'activity', label: 'Activity' },
  { id: 'settings', label: 'Settings' },
  /** Shown only when the signed-in user has users.read (see App). */
  { id: 'admin', label: 'Admin' },
]

/** The one modal open at a time; the rest of the page is inert while it is. */
export type Dialog =
  | { kind: 'regenerate-token'; instanceId: string }
  | { kind: 'remove-token'; instanceId: string }
  | { kind: 'add-instance' }
  | { kind: 'edit-instance'; instanceId: string }
  | { kind: 'remove-instance'; instanceId: string }
  | { kind: 'add-integration' }
  | { kind: 'edit-integration'; integrationId: string }
  | { kind: 'remove-integration'; integrationId: string }

export type ShownNotice = Notice & { id: number }

export type UiSlice = {
  view: View
  dialog: Dialog | null
  notices: ShownNotice[]
  app: { version: string; host: 'electron' | 'preview' } | null
  /** Start-up failed as a whole (e.g. the preview's bridge is unreachable). */
  fatal: AppError | null
  ready: boolean
  navigate(view: View): void
  openDialog(dialog: Dialog): void
  closeDialog(): void
  notify(notice: Notice): void
  dismissNotice(id: number): void
  /** Load everything the first screen shows, then pick the active instance. */
  start(): Promise<void>
  /** Re-read what events would have told us (after the preview's bridge reconnected). */
  refresh(): Promise<void>
}

/** How many notices stay on screen at once. */
const MAX_NOTICES = 4

export const createUiSlice: SliceCreator<'ui'> = (set, get, { api }) => {
  let nextNoticeId = 1
  return {
    view: 'token',
    dialog: null,
    notices: [],
    app: null,
    fatal: null,
    ready: false,

    navigate(view) {
      set({ view })
      if (view === 'activity') void get().activity.load()
    },
    openDialog(dialog) {
      set({ dialog })
    },
    closeDialog() {
      set({ dialog: null })
    },
    notify(notice) {
      set((slice) => ({ notices: [...slice.notices, { ...notice, id: nextNoticeId++ }].slice(-MAX_NOTICES) }))
    },
    dismissNotice(id) {
      set((slice) => ({ notices: slice.notices.filter((notice) => notice.id !== id) }))
    },

    async start() {
      const info = await api.app.info()
      if (!info.ok) return set({ fatal: info.error, ready: true })
      set({ app: { version: info.value.version, host: info.value.host } })
      for (const notice of info.value.notices) get().ui.notify(notice)
      const state = get()
      await Promise.all([state.settings.load(), state.instances.load(), state.integrations.load()])
      const { list } = get().instances
      const remembered = get().settings.value?.activeInstanceId
      const first = list.find((instance) => instance.id === remembered) ?? list[0]
      if (first) await get().instances.select(first.id)
      set({ ready: true })
    },

    async refresh() {
      const state = get()
      await Promise.all([state.settings.load(), state.instances.load(), state.integrations.load()])
      const { activeId } = get().instances
      if (activeId) await get().instances.select(activeId)
      if (get().ui.view === 'activity') await get().activity.load()
    },
  }
}

export const selectDialog = (state: AppState): Dialog | null => state.ui.dialog

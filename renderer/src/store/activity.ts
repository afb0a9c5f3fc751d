import type { ActivityEntry, ActivityType, AppError } from '@shared/contract'
import type { AppState, LoadState, SliceCreator } from './types'

/** How many entries the Activity view loads and keeps. */
export const ACTIVITY_LIMIT = 1000

export type ActivityFilter = { type: ActivityType | ''; text: string; instanceId: string | '' }

export type ActivitySlice = {
  entries: ActivityEntry[]
  status: LoadState
  error: AppError | null
  filter: ActivityFilter
  load(): Promise<void>
  /** A live `activity:appended` event: newest first, no duplicates. */
  append(entry: ActivityEntry): void
  setFilter(patch: Partial<ActivityFilter>): void
}

const newestFirst = (a: ActivityEntry, b: ActivityEntry) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)

export const createActivitySlice: SliceCreator<'activity'> = (set, get, { api }) => ({
  entries: [],
  status: 'idle',
  error: null,
  filter: { type: '', text: '', instanceId: '' },

  async load() {
    if (get().activity.status !== 'ready') set({ status: 'loading' })
    const result = await api.activity.list({ limit: ACTIVITY_LIMIT })
    if (!result.ok) return set({ status: 'error', error: result.error })
    set({ entries: [...result.value].sort(newestFirst), status: 'ready', error: null })
  },

  append(entry) {
    set((slice) => {
      if (slice.entries.some((e) => e.id === entry.id)) return {}
      return { entries: [entry, ...slice.entries].sort(newestFirst).slice(0, ACTIVITY_LIMIT) }
    })
  },

  setFilter(patch) {
    set((slice) => ({ filter: { ...slice.filter, ...patch } }))
  },
})

let last: { entries: ActivityEntry[]; filter: ActivityFilter; out: ActivityEntry[] } | null = null
/** Entries matching the Activity view's filter, newest first. */
export function selectVisibleActivity(state: AppState): ActivityEntry[] {
  const { entries, filter } = state.activity
  if (last && last.entries === entries && last.filter === filter) return last.out
  const text = filter.text.trim().toLowerCase()
  const out = entries.filter(
    (entry) =>
      (!filter.type || entry.type === filter.type) &&
      (!filter.instanceId || entry.instanceId === filter.instanceId) &&
      (!text || entry.summary.toLowerCase().includes(text) || entry.type.includes(text)),
  )
  last = { entries, filter, out }
  return out
}

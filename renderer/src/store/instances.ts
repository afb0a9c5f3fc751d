import type { AppError, Instance, InstanceInput } from '@shared/contract'
import type { AppState, LoadState, SliceCreator } from './types'

export type InstancesSlice = {
  list: Instance[]
  status: LoadState
  error: AppError | null
  activeId: string | null
  /** The last add/update failure, shown in the instance form. */
  formError: AppError | null
  load(): Promise<void>
  add(input: InstanceInput): Promise<Instance | null>
  update(id: string, patch: Partial<InstanceInput>): Promise<Instance | null>
  remove(id: string): Promise<boolean>
  /** Make an instance the active one (remembered in settings) and load what its views show. */
  select(id: string): Promise<void>
  clearFormError(): void
}

export const createInstancesSlice: SliceCreator<'instances'> = (set, get, { api }) => {
  /** The active instance was removed (here or elsewhere): move to the first one left, or to none. */
  const leaveIfGone = async () => {
    const { list, activeId } = get().instances
    if (activeId === null || list.some((instance) => instance.id === activeId)) return
    set({ activeId: null })
    if (list[0]) await get().instances.select(list[0].id)
  }
  return {
    list: [],
    status: 'idle',
    error: null,
    activeId: null,
    formError: null,

    async load() {
      set({ status: get().instances.list.length ? 'ready' : 'loading', error: null })
      const result = await api.instances.list()
      if (!result.ok) return set({ status: 'error', error: result.error })
      set({ list: result.value, status: 'ready' })
      await leaveIfGone()
    },

    async add(input) {
      set({ formError: null })
      const result = await api.instances.add(input)
      if (!result.ok) {
        set({ formError: result.error })
        return null
      }
      set((slice) => ({ list: [...slice.list.filter((i) => i.id !== result.value.id), result.value] }))
      await get().instances.select(result.value.id)
      return result.value
    },

    async update(id, patch) {
      set({ formError: null })
      const result = await api.instances.update({ id, ...patch })
      if (!result.ok) {
        set({ formError: result.error })
        return null
      }
      set((slice) => ({ list: slice.list.map((i) => (i.id === id ? result.value : i)) }))
      return result.value
    },

    async remove(id) {
      const result = await api.instances.remove({ id })
      if (!result.ok) {
        set({ error: result.error })
        return false
      }
      set((slice) => ({ list: slice.list.filter((i) => i.id !== id), error: null }))
      await leaveIfGone()
      return true
    },

    async select(id) {
      set({ activeId: id })
      const state = get()
      if (state.settings.value?.activeInstanceId !== id) void state.settings.update({ activeInstanceId: id })
      await Promise.all([state.session.load(id), state.token.load(id)])
    },

    clearFormError() {
      set({ formError: null })
    },
  }
}

export const selectActiveInstance = (state: AppState): Instance | null =>
  state.instances.list.find((instance) => instance.id === state.instances.activeId) ?? null

export const selectInstanceName = (state: AppState, id: string): string =>
  state.instances.list.find((instance) => instance.id === id)?.name ?? 'Unknown instance'

import type { AppError, Integration, IntegrationInput, Result } from '@shared/contract'
import { rowErrors, type RowError } from './errors'
import type { AppState, LoadState, SliceCreator } from './types'

export type ExportFormat = 'csv' | 'json'

export type IntegrationsSlice = {
  list: Integration[]
  status: LoadState
  error: AppError | null
  /** The text in `Filter integrations`. */
  filter: string
  /** Failure of the last add/update, shown in the form. */
  formError: AppError | null
  /** The last import: how many rows came in, or every row error (nothing is imported then). */
  importResult: { imported: number } | { error: AppError; rows: RowError[] } | null
  load(): Promise<void>
  add(input: IntegrationInput): Promise<Integration | null>
  update(id: string, patch: Partial<IntegrationInput>): Promise<Integration | null>
  remove(id: string): Promise<boolean>
  markUpdated(id: string): Promise<boolean>
  exportFile(format: ExportFormat): Promise<boolean>
  importText(format: ExportFormat, text: string): Promise<boolean>
  setFilter(text: string): void
  clearImportResult(): void
  clearFormError(): void
}

export const createIntegrationsSlice: SliceCreator<'integrations'> = (set, get, deps) => {
  const { api } = deps
  const replace = (item: Integration) =>
    set((slice) => ({
      list: slice.list.some((i) => i.id === item.id)
        ? slice.list.map((i) => (i.id === item.id ? item : i))
        : [...slice.list, item],
    }))
  /** An add or update answered: its failure goes to the form, its integration into the list. */
  const saved = (result: Result<Integration>): Integration | null => {
    if (!result.ok) {
      set({ formError: result.error })
      return null
    }
    replace(result.value)
    return result.value
  }

  return {
    list: [],
    status: 'idle',
    error: null,
    filter: '',
    formError: null,
    importResult: null,

    async load() {
      if (get().integrations.status !== 'ready') set({ status: 'loading' })
      const result = await api.integrations.list({})
      if (!result.ok) return set({ status: 'error', error: result.error })
      set({ list: result.value, status: 'ready', error: null })
    },

    async add(input) {
      set({ formError: null })
      return saved(await api.integrations.add(input))
    },

    async update(id, patch) {
      set({ formError: null })
      return saved(await api.integrations.update({ id, ...patch }))
    },

    async remove(id) {
      const result = await api.integrations.remove({ id })
      if (!result.ok) {
        set({ error: result.error })
        return false
      }
      set((slice) => ({ list: slice.list.filter((i) => i.id !== id), error: null }))
      return true
    },

    async markUpdated(id) {
      const result = await api.integrations.markUpdated({ id })
      if (!result.ok) {
        set({ error: result.error })
        return false
      }
      replace(result.value)
      return true
    },

    async exportFile(format) {
      const result = await api.integrations.export({ format })
      if (!result.ok) {
        set({ error: result.error })
        return false
      }
      deps.saveFile(result.value)
      return true
    },

    async importText(format, text) {
      set({ importResult: null })
      const result = await api.integrations.import({ format, text })
      if (!result.ok) {
        set({ importResult: { error: result.error, rows: rowErrors(result.error) } })
        return false
      }
      set({ importResult: { imported: result.value.imported } })
      await get().integrations.load()
      return true
    },

    setFilter(text) {
      set({ filter: text })
    },
    clearImportResult() {
      set({ importResult: null })
    },
    clearFormError() {
      set({ formError: null })
    },
  }
}

/** Lower-cased searchable text per integration, computed once per object (lists are replaced, not mutated). */
const haystacks = new WeakMap<Integration, string>()
const haystack = (item: Integration, instanceName: string): string => {
  let text = haystacks.get(item)
  if (text === undefined) {
    text = [
      item.name,
      item.system,
      item.owner,
      item.contact,
      item.environment,
      instanceName,
      item.status,
      item.notes,
    ]
      .join('\u0000')
      .toLowerCase()
    haystacks.set(item, text)
  }
  return text
}

let lastInput: { list: Integration[]; filter: string; instances: AppState['instances']['list'] } | null = null
let lastOutput: Integration[] = []

/** The rows `Filter integrations` leaves visible; memoised so a re-render with the same input costs nothing. */
export function selectVisibleIntegrations(state: AppState): Integration[] {
  const { list, filter } = state.integrations
  const instances = state.instances.list
  if (
    lastInput &&
    lastInput.list === list &&
    lastInput.filter === filter &&
    lastInput.instances === instances
  )
    return lastOutput
  const terms = filter.toLowerCase().split(/\s+/).filter(Boolean)
  const names = new Map(instances.map((instance) => [instance.id, instance.name]))
  lastOutput = terms.length
    ? list.filter((item) => {
        const text = haystack(item, names.get(item.instanceId) ?? '')
        return terms.every((term) => text.includes(term))
      })
    : list
  lastInput = { list, filter, instances }
  return lastOutput
}

/** A per-instance filter of the list, recomputed only when the list or the instance changes. */
function memoByInstance(keep: (item: Integration, instanceId: string | null) => boolean) {
  let last: { list: Integration[]; instanceId: string | null; out: Integration[] } | null = null
  return (state: AppState, instanceId: string | null): Integration[] => {
    const list = state.integrations.list
    if (last && last.list === list && last.instanceId === instanceId) return last.out
    last = { list, instanceId, out: list.filter((item) => keep(item, instanceId)) }
    return last.out
  }
}

/** Integrations of an instance still waiting for its new token. */
export const selectNeedsUpdate = memoByInstance(
  (item, id) => item.instanceId === id && item.status === 'needs-update',
)

/** Integrations that use an instance's token (listed in the regenerate / remove confirmations). */
export const selectDependents = memoByInstance((item, id) => item.instanceId === id)

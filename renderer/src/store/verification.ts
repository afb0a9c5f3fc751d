import type { AppError, CatalogEndpoint, Instance, Verification } from '@shared/contract'
import type { AppState, LoadState, SliceCreator } from './types'

/** Where First Due tenants live by default (editable when adding one). */
export const FIRST_DUE_BASE_URL = 'https://sizeup.firstduesizeup.com/fd-api/v1'

/** The guided flows of a First Due tenant, which has no token API: the user acts in First Due's web UI. */
export type FirstDueFlow = {
  instanceId: string
  mode: 'regenerate' | 'remove'
  /** Where First Due's web UI is (the tenant's origin); shown to copy when it cannot be opened for the user. */
  webUrl: string
  /** null until the user asked to open it; then whether Token Desk could open it. */
  opened: boolean | null
  /** Set when the flow is a compromise response: the checklist follows the paste. */
  compromiseReason: string | null
}

export type NewTenant = {
  name: string
  baseUrl: string
  environment: Instance['environment']
  token: string
  expiresAt: string
}

export type VerificationSlice = {
  /** The catalog per instance, each endpoint marked with whether the signed-in role may call it. */
  endpoints: Record<string, CatalogEndpoint[]>
  endpointsStatus: Record<string, LoadState>
  endpointsError: Record<string, AppError | null>
  /** The endpoint picked in `Endpoint`, as its label (`GET /fd-api/v1/stations`). */
  selected: Record<string, string>
  /** The latest Test token result per instance. */
  results: Record<string, Verification>
  testError: Record<string, AppError | null>
  testing: string | null
  /** The permission review shown on demand. */
  reviewOpen: Record<string, boolean>
  firstDue: FirstDueFlow | null
  firstDueError: AppError | null
  addTenantError: AppError | null
  /** The tenant already added when only its paste failed: a retry pastes again instead of adding twice. */
  addingTenantId: string | null
  loadEndpoints(instanceId: string): Promise<void>
  select(instanceId: string, label: string): void
  test(instanceId: string): Promise<Verification | null>
  toggleReview(instanceId: string): void
  /** The add form closed: forget its error and the half-added tenant. */
  clearAddTenant(): void
  /** instances:add, then token:paste; the tenant stays added when only the paste fails (fix it in Regenerate). */
  addTenant(input: NewTenant): Promise<boolean>
  startFirstDue(instanceId: string, mode: FirstDueFlow['mode'], compromiseReason?: string | null): void
  openWebUi(): Promise<void>
  /** Paste the token made in First Due; the core marks the integrations needs-update. */
  pasteFromFirstDue(token: string, expiresAt: string): Promise<boolean>
  removeFirstDueToken(): Promise<boolean>
  closeFirstDue(): void
}

export const endpointLabel = (endpoint: Pick<CatalogEndpoint, 'method' | 'path'>): string =>
  `${endpoint.method} ${endpoint.path}`

/** The default choice: the first endpoint the role may call, else the first. */
export const defaultEndpointLabel = (endpoints: readonly CatalogEndpoint[]): string | null => {
  const chosen = endpoints.find((endpoint) => endpoint.allowed === true) ?? endpoints[0]
  return chosen ? endpointLabel(chosen) : null
}

/** First Due's web UI for a tenant: its base URL's origin. */
export const tenantWebUrl = (baseUrl: string): string => `${new URL(baseUrl).origin}/`

/** The expiry First Due shows by default for a new token: one year from `nowMs`, as a yyyy-mm-dd date. */
export const defaultExpiryDate = (nowMs: number): string => {
  const date = new Date(nowMs)
  date.setUTCFullYear(date.getUTCFullYear() + 1)
  return date.toISOString().slice(0, 10)
}

/** A yyyy-mm-dd date from the form as the end of that day in UTC (the day First Due names is still valid). */
export const expiryInstant = (date: string): string => new Date(`${date}T23:59:59Z`).toISOString()

export const createVerificationSlice: SliceCreator<'verification'> = (set, get, { api }) => {
  const byId = <T>(key: 'endpointsStatus' | 'endpointsError', instanceId: string, value: T) =>
    set((slice) => ({ [key]: { ...slice[key], [instanceId]: value } }))

  const flow = () => get().verification.firstDue

  return {
    endpoints: {},
    endpointsStatus: {},
    endpointsError: {},
    selected: {},
    results: {},
    testError: {},
    testing: null,
    reviewOpen: {},
    firstDue: null,
    firstDueError: null,
    addTenantError: null,
    addingTenantId: null,

    async loadEndpoints(instanceId) {
      byId('endpointsStatus', instanceId, 'loading')
      const result = await api.token.endpoints({ instanceId })
      if (!result.ok) {
        byId('endpointsError', instanceId, result.error)
        return byId('endpointsStatus', instanceId, 'error')
      }
      const list = result.value
      set((slice) => {
        const current = slice.selected[instanceId]
        const keep = current && list.some((endpoint) => endpointLabel(endpoint) === current)
        const fallback = defaultEndpointLabel(list)
        return {
          endpoints: { ...slice.endpoints, [instanceId]: list },
          selected:
            keep || fallback === null ? slice.selected : { ...slice.selected, [instanceId]: fallback },
          endpointsStatus: { ...slice.endpointsStatus, [instanceId]: 'ready' },
          endpointsError: { ...slice.endpointsError, [instanceId]: null },
        }
      })
    },

    select(instanceId, label) {
      set((slice) => ({ selected: { ...slice.selected, [instanceId]: label } }))
    },

    async test(instanceId) {
      set({ testing: instanceId })
      const endpoint = get().verification.selected[instanceId]
      const result = await api.token.test(endpoint ? { instanceId, endpoint } : { instanceId })
      if (!result.ok) {
        set((slice) => ({ testing: null, testError: { ...slice.testError, [instanceId]: result.error } }))
        get().session.noteError(instanceId, result.error)
        return null
      }
      // The core kept it as the last verification: the card's "Last verified" (from the status) and the result show together.
      await get().token.load(instanceId)
      set((slice) => ({
        testing: null,
        results: { ...slice.results, [instanceId]: result.value },
        testError: { ...slice.testError, [instanceId]: null },
      }))
      return result.value
    },

    toggleReview(instanceId) {
      const open = !get().verification.reviewOpen[instanceId]
      set((slice) => ({ reviewOpen: { ...slice.reviewOpen, [instanceId]: open } }))
      if (open) void get().verification.loadEndpoints(instanceId)
    },

    clearAddTenant() {
      set({ addTenantError: null, addingTenantId: null })
    },

    async addTenant({ token, expiresAt, ...instance }) {
      set({ addTenantError: null })
      let id = get().verification.addingTenantId
      if (!id) {
        const added = await api.instances.add({ ...instance, kind: 'first-due' })
        if (!added.ok) {
          set({ addTenantError: added.error })
          return false
        }
        id = added.value.id
        set({ addingTenantId: id })
        await get().instances.load()
      }
      const pasted = await api.token.paste({ instanceId: id, token, expiresAt })
      if (!pasted.ok) {
        set({ addTenantError: pasted.error })
        return false
      }
      set({ addingTenantId: null })
      await get().instances.select(id)
      return true
    },

    startFirstDue(instanceId, mode, compromiseReason = null) {
      const instance = get().instances.list.find((item) => item.id === instanceId)
      if (!instance) return
      set({
        firstDue: {
          instanceId,
          mode,
          webUrl: tenantWebUrl(instance.baseUrl),
          opened: null,
          compromiseReason,
        },
        firstDueError: null,
      })
    },

    async openWebUi() {
      const current = flow()
      if (!current) return
      const result = await api.app.openExternal({ url: current.webUrl })
      // Refused (not an allow-listed First Due address, or the preview opens no links): the URL is shown to copy.
      const opened = result.ok && result.value.opened
      set({ firstDue: { ...current, opened } })
    },

    async pasteFromFirstDue(token, expiresAt) {
      const current = flow()
      if (!current) return false
      set({ firstDueError: null })
      const ok = await get().token.paste(current.instanceId, token, expiresAt)
      if (!ok) {
        set({ firstDueError: get().token.errors[current.instanceId] ?? null })
        return false
      }
      if (current.compromiseReason !== null)
        get().admin.startChecklist(current.instanceId, current.compromiseReason)
      set({ firstDue: null })
      return true
    },

    async removeFirstDueToken() {
      const current = flow()
      if (!current) return false
      const ok = await get().token.remove(current.instanceId)
      if (ok) {
        get().ui.notify({
          level: 'warning',
          message:
            'The token was deleted from this computer. It still works until you remove it in First Due too: User menu → USER TOKEN → X.',
        })
        set({ firstDue: null })
      } else set({ firstDueError: get().token.errors[current.instanceId] ?? null })
      return ok
    },

    closeFirstDue() {
      set({ firstDue: null, firstDueError: null })
    },
  }
}

const noEndpoints: CatalogEndpoint[] = []
export const selectEndpoints = (state: AppState, instanceId: string): CatalogEndpoint[] =>
  state.verification.endpoints[instanceId] ?? noEndpoints
/**
 * The latest Test token result, while it is still about the token the card shows: a regenerate, paste or remove
 * since then makes it history (the core keeps the last verification only for the token it was made with).
 */
export function selectResult(state: AppState, instanceId: string): Verification | null {
  const result = state.verification.results[instanceId]
  const view = state.token.byInstance[instanceId]
  if (!result || !view || view.lastVerifiedAt !== result.at) return null
  return view.createdAt !== null && Date.parse(view.createdAt) > Date.parse(result.at) ? null : result
}

import type { AdminUser, AppError, AuditEvent, Integration } from '@shared/contract'
import type { AppState, LoadState, SliceCreator } from './types'

export type AuditFilter = { type: string; userId: string }

/** A compromise response in progress: stays until every integration listed has the new token. */
export type Checklist = { reason: string; integrationIds: string[] }

export type AdminSlice = {
  /** The instance the lists below belong to. */
  instanceId: string | null
  users: AdminUser[]
  usersStatus: LoadState
  usersError: AppError | null
  /** The user whose API access is being changed. */
  changing: string | null
  /** Disabling asks first: the user it would apply to. */
  confirmDisable: AdminUser | null
  audit: AuditEvent[]
  auditStatus: LoadState
  auditError: AppError | null
  auditFilter: AuditFilter
  /** `Report compromise` is open for this instance. */
  compromiseFor: string | null
  reporting: boolean
  compromiseError: AppError | null
  checklists: Record<string, Checklist>
  load(instanceId: string): Promise<void>
  loadAudit(): Promise<void>
  setAuditFilter(patch: Partial<AuditFilter>): Promise<void>
  exportAudit(): Promise<boolean>
  askDisable(user: AdminUser): void
  cancelDisable(): void
  setApiAccess(userId: string, enabled: boolean): Promise<boolean>
  openCompromise(instanceId: string): void
  closeCompromise(): void
  /** Regenerate at once with the reason; a First Due tenant continues in the guided regeneration instead. */
  reportCompromise(instanceId: string, reason: string): Promise<boolean>
  /** List the instance's needs-update integrations as the checklist. */
  startChecklist(instanceId: string, reason: string): void
  dismissChecklist(instanceId: string): void
}

const noFilter: AuditFilter = { type: '', userId: '' }

export const createAdminSlice: SliceCreator<'admin'> = (set, get, deps) => {
  const { api } = deps
  const admin = () => get().admin
  const fail = (instanceId: string, error: AppError) => get().session.noteError(instanceId, error)
  const filterRequest = () => {
    const { type, userId } = admin().auditFilter
    return { ...(type ? { type } : {}), ...(userId ? { userId } : {}) }
  }

  return {
    instanceId: null,
    users: [],
    usersStatus: 'idle',
    usersError: null,
    changing: null,
    confirmDisable: null,
    audit: [],
    auditStatus: 'idle',
    auditError: null,
    auditFilter: noFilter,
    compromiseFor: null,
    reporting: false,
    compromiseError: null,
    checklists: {},

    async load(instanceId) {
      const switched = admin().instanceId !== instanceId
      set(
        switched
          ? { instanceId, users: [], audit: [], usersStatus: 'loading', auditFilter: noFilter }
          : { instanceId },
      )
      const [users] = await Promise.all([api.admin.users({ instanceId }), get().admin.loadAudit()])
      if (admin().instanceId !== instanceId) return
      if (!users.ok) {
        fail(instanceId, users.error)
        return set({ usersStatus: 'error', usersError: users.error })
      }
      set({ users: users.value, usersStatus: 'ready', usersError: null })
    },

    async loadAudit() {
      const instanceId = admin().instanceId
      if (!instanceId) return
      if (admin().auditStatus !== 'ready') set({ auditStatus: 'loading' })
      const result = await api.admin.audit({ instanceId, limit: 200, ...filterRequest() })
      if (admin().instanceId !== instanceId) return
      if (!result.ok) return set({ auditStatus: 'error', auditError: result.error })
      set({ audit: result.value, auditStatus: 'ready', auditError: null })
    },

    async setAuditFilter(patch) {
      set((slice) => ({ auditFilter: { ...slice.auditFilter, ...patch } }))
      await get().admin.loadAudit()
    },

    async exportAudit() {
      const instanceId = admin().instanceId
      if (!instanceId) return false
      const result = await api.admin.exportAudit({ instanceId, ...filterRequest() })
      if (!result.ok) {
        set({ auditError: result.error })
        return false
      }
      deps.saveFile(result.value)
      return true
    },

    askDisable(user) {
      set({ confirmDisable: user })
    },
    cancelDisable() {
      set({ confirmDisable: null })
    },

    async setApiAccess(userId, enabled) {
      const instanceId = admin().instanceId
      if (!instanceId) return false
      set({ changing: userId, confirmDisable: null })
      const result = await api.admin.setApiAccess({ instanceId, userId, enabled })
      set({ changing: null })
      if (!result.ok) {
        fail(instanceId, result.error)
        set({ usersError: result.error })
        return false
      }
      set((slice) => ({
        users: slice.users.map((user) => (user.id === userId ? result.value : user)),
        usersError: null,
      }))
      // Disabling revoked a token: the audit trail and (if it was ours) the token card change with it.
      await Promise.all([get().admin.loadAudit(), get().token.load(instanceId)])
      return true
    },

    openCompromise(instanceId) {
      set({ compromiseFor: instanceId, compromiseError: null })
    },
    closeCompromise() {
      set({ compromiseFor: null, compromiseError: null })
    },

    async reportCompromise(instanceId, reason) {
      set({ reporting: true, compromiseError: null })
      const result = await api.token.reportCompromise({ instanceId, reason })
      set({ reporting: false })
      if (!result.ok) {
        if (result.error.code === 'unsupported' && result.error.details?.guidedRegeneration === true) {
          set({ compromiseFor: null })
          get().verification.startFirstDue(instanceId, 'regenerate', reason)
          return true
        }
        fail(instanceId, result.error)
        set({ compromiseError: result.error })
        return false
      }
      set({ compromiseFor: null })
      await Promise.all([get().token.load(instanceId), get().integrations.load()])
      get().admin.startChecklist(instanceId, reason)
      return true
    },

    startChecklist(instanceId, reason) {
      const integrationIds = get()
        .integrations.list.filter((item) => item.instanceId === instanceId && item.status === 'needs-update')
        .map((item) => item.id)
      set((slice) => ({ checklists: { ...slice.checklists, [instanceId]: { reason, integrationIds } } }))
    },

    dismissChecklist(instanceId) {
      set((slice) => {
        const { [instanceId]: _done, ...rest } = slice.checklists
        return { checklists: rest }
      })
    },
  }
}

/** The signed-in user of the active instance may see the Admin view. */
export const selectCanAdminister = (state: AppState): boolean => hasPermission(state, 'users.read')
/** … and may switch API access on and off. */
export const selectCanManageUsers = (state: AppState): boolean => hasPermission(state, 'users.manage')

function hasPermission(state: AppState, permission: string): boolean {
  const id = state.instances.activeId
  const session = id ? state.session.byInstance[id] : undefined
  return session?.state === 'signed-in' && (session.user?.permissions.includes(permission) ?? false)
}

let lastUsers: AdminUser[] | null = null
let lastHolders: AdminUser[] = []
/** Users holding an active token: First Due recommends exactly one designated API user. */
export function selectTokenHolders(state: AppState): AdminUser[] {
  const users = state.admin.users
  if (users !== lastUsers) {
    lastUsers = users
    lastHolders = users.filter((user) => user.token.status === 'active')
  }
  return lastHolders
}

/** A compromise checklist is open for the instance (it then stands in for the needs-update banner). */
export const selectHasChecklist = (state: AppState, instanceId: string): boolean =>
  instanceId in state.admin.checklists

export type ChecklistView = { reason: string; items: Integration[]; remaining: number }
let lastChecklist: { checklist: Checklist; list: Integration[]; out: ChecklistView } | null = null
/** The compromise checklist of an instance with each integration's current state, or null when there is none. */
export function selectChecklist(state: AppState, instanceId: string): ChecklistView | null {
  const checklist = state.admin.checklists[instanceId]
  if (!checklist) return null
  const list = state.integrations.list
  if (lastChecklist && lastChecklist.checklist === checklist && lastChecklist.list === list)
    return lastChecklist.out
  const items = checklist.integrationIds.flatMap((id) => list.filter((item) => item.id === id))
  const out = {
    reason: checklist.reason,
    items,
    remaining: items.filter((item) => item.status === 'needs-update').length,
  }
  lastChecklist = { checklist, list, out }
  return out
}

import type { AppError, DemoUser, Result, SessionView } from '@shared/contract'
import { isSignInError } from './errors'
import type { AppState, SliceCreator } from './types'

export type SessionSlice = {
  byInstance: Record<string, SessionView>
  loading: Record<string, boolean>
  /** The last sign-in failure per instance (wrong password, the lock's wait time …). */
  errors: Record<string, AppError | null>
  signingIn: boolean
  load(instanceId: string): Promise<void>
  signIn(instanceId: string, email: string, password: string): Promise<boolean>
  signInDemo(instanceId: string, user: DemoUser): Promise<boolean>
  signOut(instanceId: string): Promise<void>
  /** Any slice reports its failures here: "sign in again" errors flip the session to the sign-in prompt. */
  noteError(instanceId: string, error: AppError): void
}

export const createSessionSlice: SliceCreator<'session'> = (set, get, { api }) => {
  const store = (view: SessionView) =>
    set((slice) => ({
      byInstance: { ...slice.byInstance, [view.instanceId]: view },
      errors: { ...slice.errors, [view.instanceId]: null },
    }))
  const fail = (instanceId: string, error: AppError) =>
    set((slice) => ({ errors: { ...slice.errors, [instanceId]: error } }))
  /** Either way of signing in: remember the session, then load what it unlocks. */
  const signInWith = async (instanceId: string, request: () => Promise<Result<SessionView>>) => {
    set({ signingIn: true })
    const result = await request()
    set({ signingIn: false })
    if (!result.ok) {
      fail(instanceId, result.error)
      return false
    }
    store(result.value)
    const state = get()
    await Promise.all([state.token.load(instanceId), state.integrations.load()])
    return true
  }

  return {
    byInstance: {},
    loading: {},
    errors: {},
    signingIn: false,

    async load(instanceId) {
      set((slice) => ({ loading: { ...slice.loading, [instanceId]: true } }))
      const result = await api.session.get({ instanceId })
      set((slice) => ({ loading: { ...slice.loading, [instanceId]: false } }))
      if (result.ok) store(result.value)
      else fail(instanceId, result.error)
    },

    signIn: (instanceId, email, password) =>
      signInWith(instanceId, () => api.session.signIn({ instanceId, email, password })),

    signInDemo: (instanceId, user) => signInWith(instanceId, () => api.session.signInDemo({ instanceId, user })),

    async signOut(instanceId) {
      const result = await api.session.signOut({ instanceId })
      if (result.ok) store(result.value)
      else fail(instanceId, result.error)
      await get().token.load(instanceId)
    },

    noteError(instanceId, error) {
      if (!isSignInError(error)) return
      const current = get().session.byInstance[instanceId]
      const state = error.code === 'session_expired' ? 'expired' : 'signed-out'
      if (current?.state === state) return
      set((slice) => ({
        byInstance: {
          ...slice.byInstance,
          [instanceId]: {
            instanceId,
            user: null,
            expiresAt: null,
            demoUsers: current?.demoUsers ?? [],
            ...current,
            state,
          },
        },
      }))
    },
  }
}

export const selectSession = (state: AppState, instanceId: string | null): SessionView | null =>
  instanceId ? (state.session.byInstance[instanceId] ?? null) : null

export const selectNeedsSignIn = (state: AppState, instanceId: string | null): boolean => {
  const session = selectSession(state, instanceId)
  return session !== null && session.state !== 'signed-in'
}

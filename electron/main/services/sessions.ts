import { z } from 'zod'
import { AppFailure, type DemoUser, type Instance, type Me, type SessionView } from '@shared/contract'
import type { EventBus } from './event-bus'
import type { InstancesService } from './instances'
import { secretAccounts, type SecretStore } from './secret-store'
import type { TokenClient } from './token-client'

export const demoUsers: readonly DemoUser[] = ['admin', 'api', 'crew']
export const demoEmail = (user: DemoUser) => `${user}@demo.test`

/** What the keychain's `<instanceId>/session` entry holds. */
const storedSessionSchema = z.object({ token: z.string().min(1), expiresAt: z.string(), email: z.string() })
type StoredSession = z.infer<typeof storedSessionSchema>

export type SessionsService = {
  view(instanceId: string): Promise<SessionView>
  signIn(instanceId: string, email: string, password: string): Promise<SessionView>
  signInDemo(instanceId: string, user: DemoUser): Promise<SessionView>
  signOut(instanceId: string): Promise<SessionView>
  /** The session token for an API call; AppFailure `signed_out` / `session_expired` when there is none. */
  sessionToken(instanceId: string): Promise<string>
  /**
   * Runs a call that needs the session; when the service rejects the session (expired, revoked) the
   * failure becomes `session_expired` ("sign in again") and the session is marked so.
   */
  withSession<T>(instanceId: string, call: (session: string, instance: Instance) => Promise<T>): Promise<T>
  forget(instanceId: string): void
}

export type SessionsServiceOptions = {
  instances: InstancesService
  secrets: SecretStore
  client: TokenClient
  bus: EventBus
  now: () => Date
  /** The sandbox's demo password (from the keychain, or renewed when its entry was lost). */
  demoPassword(instanceId: string): Promise<string>
}

const SIGN_IN_AGAIN = 'Your sign-in has expired. Please sign in again.'

/** Signed-in sessions per instance: the session token lives in the keychain, the password nowhere. */
export function createSessionsService(options: SessionsServiceOptions): SessionsService {
  const { instances, secrets, client, bus } = options
  /** /me answers, so the UI shows who is signed in without a call each time. Not secret, not persisted. */
  const users = new Map<string, Me>()
  /** Sessions the service rejected before their time (revoked, signed out elsewhere). */
  const rejected = new Set<string>()

  const readStored = async (instanceId: string): Promise<StoredSession | null> => {
    const raw = await secrets.get(secretAccounts.session(instanceId))
    if (!raw) return null
    try {
      return storedSessionSchema.parse(JSON.parse(raw))
    } catch {
      return null
    }
  }
  const isExpired = (stored: StoredSession) => rejected.has(stored.token) || Date.parse(stored.expiresAt) <= options.now().getTime()
  const demoList = (instance: Instance) => (instance.isSandbox ? [...demoUsers] : [])
  const signedOut = (instance: Instance, state: 'signed-out' | 'expired' = 'signed-out'): SessionView => ({
    instanceId: instance.id,
    state,
    user: null,
    expiresAt: null,
    demoUsers: demoList(instance),
  })
  const expire = (instanceId: string, stored: StoredSession) => {
    if (rejected.has(stored.token)) return
    rejected.add(stored.token)
    users.delete(instanceId)
    bus.emit('session-changed', { instanceId, change: 'expired', email: stored.email })
  }
  const requireTokenService = (instance: Instance) => {
    if (instance.kind !== 'token-service') {
      throw new AppFailure('unsupported', 'First Due tenants have no sign-in here: paste the token you generated in First Due.')
    }
  }

  const service: SessionsService = {
    async view(instanceId) {
      const instance = instances.require(instanceId)
      if (instance.kind !== 'token-service') return signedOut(instance)
      const stored = await readStored(instanceId)
      if (!stored) return signedOut(instance)
      if (isExpired(stored)) return { ...signedOut(instance, 'expired'), expiresAt: stored.expiresAt }
      let user = users.get(instanceId) ?? null
      if (!user) {
        try {
          user = await client.me(instance.baseUrl, stored.token)
          users.set(instanceId, user)
        } catch (error) {
          if (error instanceof AppFailure && (error.code === 'token_expired' || error.code === 'token_invalid')) {
            expire(instanceId, stored)
            return { ...signedOut(instance, 'expired'), expiresAt: stored.expiresAt }
          }
          // Offline: still signed in as far as we know; who exactly is shown once the service answers.
        }
      }
      return { instanceId, state: 'signed-in', user, expiresAt: stored.expiresAt, demoUsers: demoList(instance) }
    },

    async signIn(instanceId, email, password) {
      const instance = instances.require(instanceId)
      requireTokenService(instance)
      const session = await client.signIn(instance.baseUrl, email, password)
      const user = await client.me(instance.baseUrl, session.accessToken)
      const previous = await readStored(instanceId)
      try {
        await secrets.set(secretAccounts.session(instanceId), JSON.stringify({ token: session.accessToken, expiresAt: session.expiresAt, email: user.email }))
      } catch (error) {
        // A session nobody can keep must not stay valid on the service for 14 days.
        await client.signOut(instance.baseUrl, session.accessToken).catch(() => undefined)
        throw error
      }
      // The replaced session would stay valid on the service for 14 days: end it (best effort).
      if (previous) await client.signOut(instance.baseUrl, previous.token).catch(() => undefined)
      users.set(instanceId, user)
      bus.emit('session-changed', { instanceId, change: 'signed-in', email: user.email })
      return { instanceId, state: 'signed-in', user, expiresAt: session.expiresAt, demoUsers: demoList(instance) }
    },

    async signInDemo(instanceId, user) {
      const instance = instances.require(instanceId)
      if (!instance.isSandbox) throw new AppFailure('unsupported', 'Demo users exist only in the local sandbox.')
      return service.signIn(instanceId, demoEmail(user), await options.demoPassword(instanceId))
    },

    async signOut(instanceId) {
      const instance = instances.require(instanceId)
      const stored = instance.kind === 'token-service' ? await readStored(instanceId) : null
      if (stored) {
        // Ending the session on the service is best effort: offline, the local sign-out still happens.
        await client.signOut(instance.baseUrl, stored.token).catch(() => undefined)
        await secrets.delete(secretAccounts.session(instanceId))
        users.delete(instanceId)
        bus.emit('session-changed', { instanceId, change: 'signed-out', email: stored.email })
      }
      return signedOut(instance)
    },

    async sessionToken(instanceId) {
      const instance = instances.require(instanceId)
      requireTokenService(instance)
      const stored = await readStored(instanceId)
      if (!stored) throw new AppFailure('signed_out', 'Sign in to this instance first.')
      if (isExpired(stored)) {
        expire(instanceId, stored)
        throw new AppFailure('session_expired', SIGN_IN_AGAIN, { expired_at: stored.expiresAt })
      }
      return stored.token
    },

    async withSession(instanceId, call) {
      const instance = instances.require(instanceId)
      const token = await service.sessionToken(instanceId)
      try {
        return await call(token, instance)
      } catch (error) {
        if (error instanceof AppFailure && (error.code === 'token_expired' || error.code === 'token_invalid' || error.code === 'token_missing')) {
          const stored = await readStored(instanceId)
          if (stored) expire(instanceId, stored)
          throw new AppFailure('session_expired', SIGN_IN_AGAIN, error.details)
        }
        throw error
      }
    },

    forget(instanceId) {
      users.delete(instanceId)
    },
  }
  return service
}

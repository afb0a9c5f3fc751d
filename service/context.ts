import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import type { Authenticator, Caller, Requirement } from './auth'
import type { Clock } from './clock'
import type { Store } from './db/store'
import type { DataPages } from './data-pages'
import type { LastUsedTracker } from './last-used'
import type { UserDirectory } from './principals'
import type { SignInLock } from './sign-in-lock'
import type { UserTokens } from './user-tokens'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `guard` before validation and the handler run. */
    caller: Caller | null
  }
}

/** Everything the routes use, built once per service. */
export interface ServiceContext {
  store: Store
  clock: Clock
  auth: Authenticator
  users: UserDirectory
  userTokens: UserTokens
  lastUsed: LastUsedTracker
  signInLock: SignInLock
  pages: DataPages
}

/**
 * The authentication + authorization hook for a route. It runs first (onRequest), before the body is
 * even read, so the contract's order of checks holds whatever else is wrong with the request.
 */
export const guard =
  (context: ServiceContext, requirement: Requirement): onRequestHookHandler =>
  (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    request.caller = context.auth.authenticate(request.headers.authorization, requirement)
    done()
  }

/** The caller a guarded route was given (the guard guarantees it). */
export const callerOf = (request: FastifyRequest): Caller => request.caller as Caller

/** A successful call made with a user token updates its `last_used_at`. */
export function noteUse(context: ServiceContext, caller: Caller): void {
  if (caller.principal.kind === 'user_token') context.lastUsed.touch(caller.principal.id, caller.at)
}

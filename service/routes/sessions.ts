import type { FastifyInstance } from 'fastify'
import { iso } from '../clock'
import { callerOf, guard, type ServiceContext } from '../context'
import { errors } from '../errors'
import { SESSION_LIFETIME_SECONDS, sessionExpiry } from '../expiry'
import { dummyPasswordHash, verifyPassword } from '../passwords'
import { authErrorResponses, bearerSecurity, errorSchema } from '../schemas'
import { hashSecret, newSessionToken } from '../secrets'
import { rejectBody } from './no-body'

interface SignInBody {
  grant_type: 'client_credentials'
  email: string
  password: string
}

const signInBody = {
  type: 'object',
  additionalProperties: false,
  required: ['grant_type', 'email', 'password'],
  properties: {
    grant_type: { type: 'string', enum: ['client_credentials'] },
    email: { type: 'string', minLength: 1, maxLength: 254 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
} as const

const sessionResponse = {
  type: 'object',
  required: ['access_token', 'token_type', 'expires_in'],
  properties: {
    access_token: { type: 'string' },
    token_type: { type: 'string', enum: ['Bearer'] },
    expires_in: { type: 'integer' },
  },
} as const

export function sessionRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { store, clock, signInLock } = context

  app.post('/auth/token', {
    schema: {
      summary: 'Sign in: exchange email and password for a 14-day session',
      tags: ['sessions'],
      body: signInBody,
      response: {
        200: sessionResponse,
        401: { description: 'invalid_credentials', ...errorSchema },
        429: { description: 'rate_limited (see Retry-After)', ...errorSchema },
      },
    },
    handler: async (request) => {
      const body = request.body as SignInBody
      const email = body.email.trim().toLowerCase()
      const retryAfter = signInLock.retryAfterSeconds(email)
      if (retryAfter !== null) throw errors.rateLimited(retryAfter)

      const user = store.users.byEmail(email)
      const valid = await verifyPassword(body.password, user?.passwordHash ?? dummyPasswordHash())
      const now = clock()
      if (!user || !valid) {
        signInLock.recordFailure(email)
        store.audit.record({
          at: iso(now),
          type: 'auth.failed',
          actor_id: null,
          subject_id: user?.id ?? null,
        })
        throw errors.invalidCredentials()
      }
      const accessToken = newSessionToken()
      store.transaction(() => {
        store.sessions.insert({
          userId: user.id,
          hash: hashSecret(accessToken),
          createdAt: iso(now),
          expiresAt: iso(sessionExpiry(now)),
        })
        store.audit.record({ at: iso(now), type: 'auth.signed_in', actor_id: user.id, subject_id: user.id })
      })
      return { access_token: accessToken, token_type: 'Bearer', expires_in: SESSION_LIFETIME_SECONDS }
    },
  })

  app.delete('/auth/token', {
    schema: {
      summary: 'Sign out: the session is rejected from now on',
      tags: ['sessions'],
      security: bearerSecurity,
      response: { 204: { description: 'Signed out', type: 'null' }, ...authErrorResponses },
    },
    onRequest: guard(context, { session: true }),
    preValidation: rejectBody,
    handler: async (request, reply) => {
      const caller = callerOf(request)
      const at = iso(clock())
      store.transaction(() => {
        store.sessions.revoke(caller.principal.id, at)
        store.audit.record({
          at,
          type: 'auth.signed_out',
          actor_id: caller.user.id,
          subject_id: caller.user.id,
        })
      })
      context.auth.forgetSession(caller.secret)
      return reply.code(204).send()
    },
  })
}

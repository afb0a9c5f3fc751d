import type { FastifyInstance } from 'fastify'
import { iso } from '../clock'
import { callerOf, guard, type ServiceContext } from '../context'
import type { UserRecord } from '../db/users'
import { errors, invalidRequest } from '../errors'
import {
  adminUserSchema,
  auditEventSchema,
  authErrorResponses,
  bearerSecurity,
  errorSchema,
  positiveIntegerString,
} from '../schemas'
import { viewOf } from '../user-tokens'

const tags = ['administration']
const DEFAULT_EVENT_LIMIT = 50
const MAX_EVENT_LIMIT = 500

export function adminRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { store, users, lastUsed, clock } = context

  const adminView = (record: UserRecord) => {
    const user = users.toAuthUser(record)
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      role: { id: user.roleId, name: user.roleName },
      api_access_enabled: user.apiAccessEnabled,
      can_generate_tokens: user.apiAccessEnabled && user.permissions.has('api_token.generate'),
      token: viewOf(store.tokens.liveOf(user.id), lastUsed, clock),
    }
  }

  app.get('/users', {
    schema: {
      summary: "The agency's users, their API access and token status (never a token's secret)",
      tags,
      security: bearerSecurity,
      response: { 200: { type: 'array', items: adminUserSchema }, ...authErrorResponses },
    },
    onRequest: guard(context, { session: true, permission: 'users.read' }),
    handler: async () => store.users.all().map(adminView),
  })

  app.patch('/users/:id', {
    schema: {
      summary: "Enable or disable a user's API access (disabling revokes the user's token)",
      tags,
      security: bearerSecurity,
      params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      body: {
        type: 'object',
        additionalProperties: false,
        required: ['api_access_enabled'],
        properties: { api_access_enabled: { type: 'boolean' } },
      },
      response: {
        200: adminUserSchema,
        400: { description: 'invalid_request', ...errorSchema },
        ...authErrorResponses,
        404: { description: 'not_found', ...errorSchema },
      },
    },
    onRequest: guard(context, { session: true, permission: 'users.manage' }),
    handler: async (request) => {
      const actor = callerOf(request).user
      const { id } = request.params as { id: string }
      const { api_access_enabled: enabled } = request.body as { api_access_enabled: boolean }
      const target = /^[1-9][0-9]{0,15}$/.test(id) ? store.users.byId(Number(id)) : null
      if (!target) throw errors.notFound('No user has that id.')
      if (target.apiAccessEnabled !== enabled) {
        const at = iso(clock())
        store.transaction(() => {
          store.users.setApiAccess(target.id, enabled)
          store.audit.record({
            at,
            type: enabled ? 'api_access.enabled' : 'api_access.disabled',
            actor_id: actor.id,
            subject_id: target.id,
          })
          // Without API access a user cannot hold a token: it goes too, and with it every cached check.
          if (!enabled) context.userTokens.revoke(target.id, actor.id)
        })
        users.forget(target.id)
      }
      return adminView(store.users.byId(target.id) as UserRecord)
    },
  })

  app.get('/audit/events', {
    schema: {
      summary: 'Audit events, newest first',
      tags,
      security: bearerSecurity,
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          limit: {
            ...positiveIntegerString,
            description: `1–${MAX_EVENT_LIMIT}, default ${DEFAULT_EVENT_LIMIT}`,
          },
        },
      },
      response: {
        200: { type: 'array', items: auditEventSchema },
        400: { description: 'invalid_request', ...errorSchema },
        ...authErrorResponses,
      },
    },
    onRequest: guard(context, { session: true, permission: 'audit.read' }),
    handler: async (request) => {
      const { limit: limitText } = request.query as { limit?: string }
      const limit = limitText === undefined ? DEFAULT_EVENT_LIMIT : Number(limitText)
      if (limit > MAX_EVENT_LIMIT) {
        throw invalidRequest('The request query is invalid.', [
          { field: 'limit', code: 'out_of_range', message: `must be 1–${MAX_EVENT_LIMIT}` },
        ])
      }
      return store.audit.newest(limit)
    },
  })
}

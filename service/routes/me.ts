import type { FastifyInstance } from 'fastify'
import { callerOf, guard, noteUse, type ServiceContext } from '../context'
import type { AuthUser } from '../principals'
import { authErrorResponses, bearerSecurity, meSchema } from '../schemas'

export const roleOf = (user: AuthUser) => ({ id: user.roleId, name: user.roleName })

export function meRoutes(app: FastifyInstance, context: ServiceContext): void {
  app.get('/me', {
    schema: {
      summary: 'Who the token (session or user token) belongs to',
      tags: ['identity'],
      security: bearerSecurity,
      response: { 200: meSchema, ...authErrorResponses },
    },
    onRequest: guard(context, {}),
    handler: async (request) => {
      const caller = callerOf(request)
      noteUse(context, caller)
      const { user } = caller
      return {
        id: user.id,
        name: user.name,
        email: user.email,
        role: roleOf(user),
        permissions: [...user.permissions],
        api_access_enabled: user.apiAccessEnabled,
      }
    },
  })
}

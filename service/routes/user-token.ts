import type { FastifyInstance } from 'fastify'
import { callerOf, guard, type ServiceContext } from '../context'
import { errors } from '../errors'
import {
  authErrorResponses,
  bearerSecurity,
  errorSchema,
  issuedTokenSchema,
  tokenStatusSchema,
} from '../schemas'
import { rejectBody } from './no-body'

const tags = ['user token']
const issueResponses = {
  201: issuedTokenSchema,
  ...authErrorResponses,
}

export function userTokenRoutes(app: FastifyInstance, context: ServiceContext): void {
  const { userTokens } = context
  const sessionOnly = guard(context, { session: true })
  const mayIssue = guard(context, { session: true, apiAccess: true, permission: 'api_token.generate' })

  app.get('/user-token', {
    schema: {
      summary: "The signed-in user's token: status, dates and hint",
      tags,
      security: bearerSecurity,
      response: { 200: tokenStatusSchema, ...authErrorResponses },
    },
    onRequest: sessionOnly,
    handler: async (request) => userTokens.view(callerOf(request).user.id),
  })

  // Generate and regenerate differ only in their summary, their resource-state error and the operation.
  const issueRoute = (
    path: string,
    summary: string,
    stateError: Record<number, object>,
    issue: (userId: number) => object,
  ) =>
    app.post(path, {
      schema: { summary, tags, security: bearerSecurity, response: { ...issueResponses, ...stateError } },
      onRequest: mayIssue,
      preValidation: rejectBody,
      handler: async (request, reply) => reply.code(201).send(issue(callerOf(request).user.id)),
    })
  issueRoute(
    '/user-token',
    'Generate the user token (returned once; 409 if one exists, active or expired)',
    { 409: { description: 'token_exists', ...errorSchema } },
    userTokens.generate,
  )
  issueRoute(
    '/user-token/regenerate',
    'Replace the user token (active or expired); the old one is rejected at once',
    { 404: { description: 'no_token', ...errorSchema } },
    userTokens.regenerate,
  )

  app.delete('/user-token', {
    schema: {
      summary: 'Remove the user token',
      tags,
      security: bearerSecurity,
      response: {
        204: { description: 'Removed', type: 'null' },
        ...authErrorResponses,
        404: { description: 'no_token', ...errorSchema },
      },
    },
    onRequest: sessionOnly,
    preValidation: rejectBody,
    handler: async (request, reply) => {
      const userId = callerOf(request).user.id
      if (!userTokens.revoke(userId, userId)) throw errors.noToken()
      return reply.code(204).send()
    },
  })
}

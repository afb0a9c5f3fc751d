import swagger from '@fastify/swagger'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { ServiceContext } from './context'
import { frameworkErrorsFor, installErrorHandling, type AuthErrorStyle } from './http-errors'
import { API_BASE } from './permissions'
import type { SchemaCompilers } from './schema-compilers'
import { adminRoutes } from './routes/admin'
import { catalogRoutes } from './routes/catalog'
import { dataRoutes } from './routes/data'
import { meRoutes } from './routes/me'
import { openApiDocument, openApiRoute } from './routes/openapi'
import { sessionRoutes } from './routes/sessions'
import { userTokenRoutes } from './routes/user-token'

export const BODY_LIMIT = 64 * 1024

/** The fastify app: strict validation, the contract's errors, every route under /fd-api/v1. */
export function buildServer(
  context: ServiceContext,
  options: { authErrors: AuthErrorStyle; logger: Logger | null; compilers: SchemaCompilers },
): FastifyInstance {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    // Fastify's defaults would coerce `7` into "7", silently drop unknown fields and report one error only.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: true } },
    schemaController: { compilersFactory: options.compilers },
    frameworkErrors: frameworkErrorsFor(options.authErrors),
    // An unknown user id of any length is 404 not_found, not a router error.
    routerOptions: { maxParamLength: 1000 },
    // close() lets requests in flight finish but does not wait for idle keep-alive connections (clients of
    // an embedded service keep them open).
    forceCloseConnections: 'idle',
  }) as unknown as FastifyInstance
  app.decorateRequest('caller', null)
  installErrorHandling(app, options.authErrors)

  // An empty JSON body counts as no body (clients often send the header on a bodyless DELETE or POST);
  // routes that need a body still reject it through their schema.
  // JSON only: without this, text/plain bodies would be parsed as strings and fail later with a vaguer error.
  app.removeContentTypeParser('text/plain')
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') return done(null, undefined)
    parseJson(request, body as string, done)
  })

  app.register(swagger, openApiDocument)
  app.register(
    async (api) => {
      sessionRoutes(api, context)
      meRoutes(api, context)
      userTokenRoutes(api, context)
      dataRoutes(api, context)
      catalogRoutes(api)
      adminRoutes(api, context)
      openApiRoute(api, app)
    },
    { prefix: API_BASE },
  )
  return app
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { callerOf, guard, noteUse, type ServiceContext } from '../context'
import { DATA_ENDPOINTS, type DataEndpoint } from '../permissions'
import { authErrorResponses, bearerSecurity, errorSchema, positiveIntegerString } from '../schemas'

const JSON_TYPE = 'application/json; charset=utf-8'

interface DataQuery {
  page?: string
  since?: string
}

const querySchema = (withSince: boolean) => ({
  type: 'object',
  additionalProperties: false,
  properties: {
    page: { ...positiveIntegerString, description: '1-based page of at most 20 records' },
    ...(withSince
      ? { since: { type: 'string', format: 'date-time', maxLength: 64, description: 'created at or after' } }
      : {}),
  },
})

function nextLink(
  request: FastifyRequest,
  endpoint: DataEndpoint,
  page: number,
  since: string | undefined,
): string {
  const query = new URLSearchParams({ page: String(page + 1) })
  if (since !== undefined) query.set('since', since)
  // Same origin as the request; HTTP/1.0 clients may send no Host, so fall back to the socket's address.
  const host = request.host || `${request.socket.localAddress}:${request.socket.localPort}`
  return `<${request.protocol}://${host}${endpoint.path}?${query}>; rel="next"`
}

/**
 * The data endpoints — the hot path. After the guard, a request costs two Map lookups and a prepared
 * string: the page was serialized once and is sent as is.
 */
export function dataRoutes(app: FastifyInstance, context: ServiceContext): void {
  for (const endpoint of DATA_ENDPOINTS) {
    const withSince = endpoint.collection === 'dispatches'
    app.get(endpoint.path.slice('/fd-api/v1'.length), {
      schema: {
        summary: endpoint.description,
        description: `Needs the permission object \`${endpoint.permission}\`. Pages of at most 20 records; a \`Link: <…>; rel="next"\` header points to the next page while there is one.`,
        tags: ['data'],
        security: bearerSecurity,
        querystring: querySchema(withSince),
        response: {
          200: { type: 'array', items: { type: 'object', additionalProperties: true } },
          400: { description: 'invalid_request', ...errorSchema },
          ...authErrorResponses,
        },
      },
      onRequest: guard(context, { permission: endpoint.permission }),
      handler: (request: FastifyRequest, reply: FastifyReply) => {
        noteUse(context, callerOf(request))
        const { page: pageText, since } = request.query as DataQuery
        const page = pageText === undefined ? 1 : Number(pageText)
        const result =
          since === undefined
            ? context.pages.page(endpoint.collection, page)
            : context.pages.pageSince(endpoint.collection, Date.parse(since), page)
        if (result.hasNext) reply.header('link', nextLink(request, endpoint, page, since))
        reply.type(JSON_TYPE).send(result.json)
      },
    })
  }
}

import type { FastifyInstance } from 'fastify'
import { DATA_ENDPOINTS } from '../permissions'

const catalog = DATA_ENDPOINTS.map((endpoint) => ({
  method: 'GET',
  path: endpoint.path,
  required_permission: endpoint.permission,
  description: endpoint.description,
}))

export function catalogRoutes(app: FastifyInstance): void {
  app.get('/endpoints', {
    schema: {
      summary: 'The data endpoints and the permission object each needs (no authentication)',
      tags: ['catalog'],
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object',
            required: ['method', 'path', 'required_permission', 'description'],
            properties: {
              method: { type: 'string' },
              path: { type: 'string' },
              required_permission: { type: 'string' },
              description: { type: 'string' },
            },
          },
        },
      },
    },
    handler: async () => catalog,
  })
}

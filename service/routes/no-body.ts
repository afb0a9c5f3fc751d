import type { FastifyReply, FastifyRequest } from 'fastify'
import { invalidRequest } from '../errors'

/**
 * For routes that take no body: nothing, `null` or `{}` is fine, anything else is an unknown field
 * (a JSON schema cannot say "optional body", since fastify validates an absent body as `undefined`).
 */
export function rejectBody(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  const body = request.body
  if (body === undefined || body === null) return done()
  if (typeof body === 'object' && !Array.isArray(body)) {
    const fields = Object.keys(body)
    if (fields.length === 0) return done()
    throw invalidRequest(
      'This endpoint takes no body.',
      fields.map((field) => ({ field, code: 'unknown_field', message: 'is not a known field' })),
    )
  }
  throw invalidRequest('This endpoint takes no body.', [
    { field: 'body', code: 'not_allowed', message: 'must be empty' },
  ])
}

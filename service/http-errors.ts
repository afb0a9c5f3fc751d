import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError, errors, FIRST_DUE_FORBIDDEN, invalidRequest, type FieldError } from './errors'

export type AuthErrorStyle = 'standard' | 'first-due'

interface AjvError {
  instancePath?: string
  keyword: string
  params?: Record<string, unknown>
  message?: string
}

const FIELD_CODES: Record<string, string> = {
  required: 'missing',
  additionalProperties: 'unknown_field',
  type: 'wrong_type',
  maxLength: 'too_long',
  minLength: 'too_short',
  pattern: 'invalid_format',
  format: 'invalid_format',
  enum: 'not_allowed',
  const: 'not_allowed',
}

const CONTEXT_NAMES: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
}

/** One Ajv error as `{ field, code, message }`, naming the field (`email`, `page`) rather than a JSON pointer. */
function fieldError(error: AjvError, context: string): FieldError {
  const path = (error.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.')
  const named = (error.params?.missingProperty ?? error.params?.additionalProperty) as string | undefined
  const field = [path, named].filter(Boolean).join('.') || context
  const code = FIELD_CODES[error.keyword] ?? error.keyword
  const message = code === 'unknown_field' ? 'is not a known field' : (error.message ?? 'is invalid')
  return { field, code, message }
}

/** Fastify's own request errors (body parsing, content type, size, URL) in the contract's terms. */
function fromFastifyError(error: FastifyError): ApiError {
  if (error.validation) {
    const context = CONTEXT_NAMES[error.validationContext ?? 'body'] ?? 'body'
    return invalidRequest(
      `The request ${context} is invalid.`,
      error.validation.map((item) => fieldError(item as AjvError, context)),
    )
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.payloadTooLarge()
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return invalidRequest('Send the body as application/json.', [
        { field: 'body', code: 'wrong_content_type', message: 'must be application/json' },
      ])
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return invalidRequest('The body is not valid JSON.', [
        { field: 'body', code: 'invalid_json', message: 'must be valid JSON' },
      ])
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return invalidRequest('The URL is malformed.', [
        { field: 'url', code: 'invalid_format', message: 'is malformed' },
      ])
  }
  const status = error.statusCode ?? 500
  if (status === 404) return errors.notFound()
  if (status === 413) return errors.payloadTooLarge()
  if (status >= 400 && status < 500) {
    return invalidRequest('The request is malformed.', [
      { field: 'request', code: 'malformed', message: error.message },
    ])
  }
  return new ApiError(500, 'internal_error', 'The service failed to answer; the error is logged.')
}

/** Every error answers as JSON `{ code, message, … }`, serialized here so no response schema can reshape it. */
function sendError(reply: FastifyReply, error: ApiError, style: AuthErrorStyle): void {
  const firstDue = style === 'first-due' && error.isAuthFailure
  const body = firstDue ? FIRST_DUE_FORBIDDEN : error.body()
  if (!firstDue) reply.headers(error.headers)
  reply
    .code(firstDue ? 403 : error.statusCode)
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body))
}

export function installErrorHandling(app: FastifyInstance, style: AuthErrorStyle): void {
  app.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    const apiError = error instanceof ApiError ? error : fromFastifyError(error)
    if (apiError.statusCode >= 500) request.log.error({ err: error }, 'request failed')
    sendError(reply, apiError, style)
  })
  app.setNotFoundHandler((_request, reply) =>
    sendError(reply, errors.notFound('No such endpoint or method.'), style),
  )
}

/** Errors fastify raises before routing (bad percent-encoding, over-long parameters). */
export const frameworkErrorsFor =
  (style: AuthErrorStyle) =>
  (error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void =>
    sendError(reply, fromFastifyError(error), style)

/**
 * JSON schemas shared by the routes: fastify validates requests and serializes responses with them, and
 * @fastify/swagger builds /openapi.json from the very same objects.
 */
const nullableString = { type: ['string', 'null'] } as const
const timestamp = { type: 'string', format: 'date-time' } as const
const nullableTimestamp = { type: ['string', 'null'], format: 'date-time' } as const

export const errorSchema = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
    required_permission: { type: 'string' },
    expired_at: timestamp,
  },
} as const

export const tokenStatusSchema = {
  type: 'object',
  required: ['status', 'created_at', 'expires_at', 'last_used_at', 'hint'],
  properties: {
    status: { type: 'string', enum: ['none', 'active', 'expired'] },
    created_at: nullableTimestamp,
    expires_at: nullableTimestamp,
    last_used_at: nullableTimestamp,
    hint: nullableString,
  },
} as const

export const issuedTokenSchema = {
  type: 'object',
  required: ['token', 'status', 'created_at', 'expires_at', 'hint'],
  properties: {
    token: { type: 'string', description: 'The token itself: shown this once, stored only as a hash.' },
    status: { type: 'string', enum: ['active'] },
    created_at: timestamp,
    expires_at: timestamp,
    hint: { type: 'string' },
  },
} as const

const roleSchema = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'integer' }, name: { type: 'string' } },
} as const

export const meSchema = {
  type: 'object',
  required: ['id', 'name', 'email', 'role', 'permissions', 'api_access_enabled'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    email: { type: 'string' },
    role: roleSchema,
    permissions: { type: 'array', items: { type: 'string' } },
    api_access_enabled: { type: 'boolean' },
  },
} as const

export const adminUserSchema = {
  type: 'object',
  required: ['id', 'name', 'email', 'role', 'api_access_enabled', 'can_generate_tokens', 'token'],
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    email: { type: 'string' },
    role: roleSchema,
    api_access_enabled: { type: 'boolean' },
    can_generate_tokens: { type: 'boolean' },
    token: tokenStatusSchema,
  },
} as const

export const auditEventSchema = {
  type: 'object',
  required: ['at', 'type', 'actor_id', 'subject_id'],
  properties: {
    at: timestamp,
    type: { type: 'string' },
    actor_id: { type: ['integer', 'null'] },
    subject_id: { type: ['integer', 'null'] },
  },
} as const

/** Query values arrive as strings (no coercion): integers are checked by pattern, ranges in the handler. */
export const positiveIntegerString = { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } as const

/** The responses every authenticated route may give, for the OpenAPI description. */
export const authErrorResponses = {
  401: { description: 'token_missing, token_invalid or token_expired', ...errorSchema },
  403: { description: 'session_required, api_access_disabled or permission_denied', ...errorSchema },
} as const

export const bearerSecurity = [{ bearer: [] }]

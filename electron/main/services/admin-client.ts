import { z } from 'zod'
import { AppFailure, type AdminUser, type AuditEvent } from '@shared/contract'
import type { TokenClient } from './token-client'

const serviceId = z.union([z.string(), z.number()]).transform(String)
const rawUserSchema = z
  .object({
    id: serviceId,
    name: z.string(),
    email: z.string(),
    role: z.object({ id: serviceId, name: z.string() }),
    api_access_enabled: z.boolean(),
    can_generate_tokens: z.boolean(),
    token: z.object({
      status: z.enum(['none', 'active', 'expired']),
      created_at: z.string().nullable(),
      expires_at: z.string().nullable(),
      last_used_at: z.string().nullable(),
      hint: z.string().nullable(),
    }),
  })
  .transform(
    (raw): AdminUser => ({
      id: raw.id,
      name: raw.name,
      email: raw.email,
      role: raw.role,
      apiAccessEnabled: raw.api_access_enabled,
      canGenerateTokens: raw.can_generate_tokens,
      token: {
        status: raw.token.status,
        createdAt: raw.token.created_at,
        expiresAt: raw.token.expires_at,
        lastUsedAt: raw.token.last_used_at,
        hint: raw.token.hint,
      },
    }),
  )
const rawAuditEventSchema = z
  .object({ at: z.string(), type: z.string(), actor_id: serviceId.nullable(), subject_id: serviceId.nullable() })
  .transform((raw): AuditEvent => ({ at: raw.at, type: raw.type, actorId: raw.actor_id, subjectId: raw.subject_id }))

/** The service's largest page of audit events. */
export const MAX_AUDIT_LIMIT = 500

export type AdminClient = {
  users(baseUrl: string, session: string): Promise<AdminUser[]>
  setApiAccess(baseUrl: string, session: string, userId: string, enabled: boolean): Promise<AdminUser>
  /** Newest first, as the service orders them. */
  auditEvents(baseUrl: string, session: string, limit: number): Promise<AuditEvent[]>
}

/**
 * The service's administration endpoints (session required), in the contract's camelCase. Transport and
 * error mapping are the token client's: a missing permission arrives as AppFailure `permission_denied`.
 */
export function createAdminClient(client: TokenClient): AdminClient {
  const read = async <S extends z.ZodType>(schema: S, answer: Promise<{ body: unknown }>): Promise<z.output<S>> => {
    const parsed = schema.safeParse((await answer).body)
    if (!parsed.success) throw new AppFailure('server_error', 'The service sent an answer Token Desk does not understand.')
    return parsed.data
  }
  return {
    users: (baseUrl, session) => read(z.array(rawUserSchema), client.request(baseUrl, '/users', { bearer: session })),
    setApiAccess: (baseUrl, session, userId, enabled) =>
      read(
        rawUserSchema,
        client.request(baseUrl, `/users/${encodeURIComponent(userId)}`, { method: 'PATCH', bearer: session, body: { api_access_enabled: enabled } }),
      ),
    auditEvents: (baseUrl, session, limit) => {
      const bounded = Math.min(Math.max(Math.trunc(limit), 1), MAX_AUDIT_LIMIT)
      return read(z.array(rawAuditEventSchema), client.request(baseUrl, `/audit/events?limit=${bounded}`, { bearer: session }))
    },
  }
}

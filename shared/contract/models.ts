import { z } from 'zod'

const isoDate = z.iso.datetime({ offset: true })
const nullableIso = isoDate.nullable()
const id = z.string().min(1).max(100)

export const environmentSchema = z.enum(['production', 'development', 'training'])
export type Environment = z.infer<typeof environmentSchema>
export const instanceKindSchema = z.enum(['token-service', 'first-due'])
export type InstanceKind = z.infer<typeof instanceKindSchema>

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]'])
/** A base URL ends in /fd-api/v1, has no trailing slash, and is https (plain http only on loopback). */
export const baseUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    let url: URL
    try {
      url = new URL(value)
    } catch {
      return false
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname))
    return secure && !url.search && !url.hash && !url.username && url.pathname.endsWith('/fd-api/v1')
  }, 'Use an https:// URL ending in /fd-api/v1 (plain http only on 127.0.0.1), with no trailing slash')

export const instanceInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  kind: instanceKindSchema,
  baseUrl: baseUrlSchema,
  environment: environmentSchema,
})
export type InstanceInput = z.infer<typeof instanceInputSchema>
export const instanceSchema = instanceInputSchema.extend({ id, isSandbox: z.boolean() })
export type Instance = z.infer<typeof instanceSchema>

export const demoUserSchema = z.enum(['admin', 'api', 'crew'])
export type DemoUser = z.infer<typeof demoUserSchema>

export const meSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  email: z.string(),
  role: z.object({ id: z.union([z.string(), z.number()]).transform(String), name: z.string() }),
  permissions: z.array(z.string()),
  apiAccessEnabled: z.boolean(),
})
export type Me = z.infer<typeof meSchema>

export const sessionViewSchema = z.object({
  instanceId: id,
  state: z.enum(['signed-in', 'signed-out', 'expired']),
  user: meSchema.nullable(),
  expiresAt: nullableIso,
  /** Non-empty only on the local sandbox: the demo users one can sign in as. */
  demoUsers: z.array(demoUserSchema),
})
export type SessionView = z.infer<typeof sessionViewSchema>

export const tokenStatusSchema = z.enum(['none', 'active', 'expiring', 'expired'])
export type TokenStatus = z.infer<typeof tokenStatusSchema>

export const verificationOutcomeSchema = z.enum([
  'ok',
  'expired',
  'invalid',
  'invalid_or_permission',
  'permission_denied',
  'api_access_disabled',
  'network',
  'timeout',
  'server_error',
])
export type VerificationOutcome = z.infer<typeof verificationOutcomeSchema>
export const verificationSchema = z.object({
  outcome: verificationOutcomeSchema,
  at: isoDate,
  endpoint: z.string(),
  latencyMs: z.number().nonnegative().nullable(),
  records: z.number().int().nonnegative().nullable(),
  requiredPermission: z.string().nullable(),
  expiredAt: nullableIso,
  /** One plain sentence, starting with the outcome's word (OK, Expired, Permission denied …). */
  message: z.string(),
})
export type Verification = z.infer<typeof verificationSchema>

export const tokenViewSchema = z.object({
  instanceId: id,
  status: tokenStatusSchema,
  createdAt: nullableIso,
  expiresAt: nullableIso,
  lastUsedAt: nullableIso,
  lastVerifiedAt: nullableIso,
  lastVerification: verificationSchema.nullable(),
  /** Last 4 characters, never more. */
  hint: z.string().max(4).nullable(),
  daysLeft: z.number().int().nullable(),
  /** The keychain holds this token (so copy / reveal / test work). */
  stored: z.boolean(),
  /** The service's token differs from the stored one: it was regenerated somewhere else. */
  replacedElsewhere: z.boolean(),
  /** Where status came from: the service just now, or cached metadata when it could not be reached. */
  source: z.enum(['service', 'cache']),
})
export type TokenView = z.infer<typeof tokenViewSchema>

export const tokenChangeSchema = z.object({
  view: tokenViewSchema,
  /** Set only when the keychain refused the new token: shown once, "not saved — copy it now". */
  unsavedToken: z.string().nullable(),
})
export type TokenChange = z.infer<typeof tokenChangeSchema>

export const catalogEndpointSchema = z.object({
  method: z.string(),
  path: z.string(),
  requiredPermission: z.string(),
  description: z.string(),
  /** Whether the signed-in user's role has the permission (null when unknown, e.g. First Due tenants). */
  allowed: z.boolean().nullable(),
})
export type CatalogEndpoint = z.infer<typeof catalogEndpointSchema>

export const settingsSchema = z.strictObject({
  reminderDays: z
    .array(z.number().int().min(1).max(365))
    .min(1)
    .max(10)
    .refine((days) => new Set(days).size === days.length, 'Reminder days must be unique'),
  clipboardClearSeconds: z.number().int().min(5).max(600),
  theme: z.enum(['system', 'light', 'dark']),
  startAtLogin: z.boolean(),
  activeInstanceId: id.nullable(),
})
export type Settings = z.infer<typeof settingsSchema>
export const defaultSettings: Settings = {
  reminderDays: [90, 30, 7],
  clipboardClearSeconds: 30,
  theme: 'system',
  startAtLogin: false,
  activeInstanceId: null,
}

const text = (max: number) => z.string().trim().max(max)
export const integrationStatusSchema = z.enum(['current', 'needs-update'])
export const integrationInputSchema = z.strictObject({
  name: text(120).min(1),
  system: text(120).default(''),
  owner: text(120).default(''),
  contact: text(200).default(''),
  environment: environmentSchema,
  instanceId: id,
  notes: text(2000).default(''),
})
export type IntegrationInput = z.input<typeof integrationInputSchema>
/** What an update may change: the same fields, all optional and without defaults, so an absent field is left as it is. */
export const integrationPatchSchema = z
  .strictObject({ ...integrationInputSchema.shape, system: text(120), owner: text(120), contact: text(200), notes: text(2000) })
  .partial()
export type IntegrationPatch = z.infer<typeof integrationPatchSchema>
export const integrationSchema = integrationInputSchema.extend({
  id,
  status: integrationStatusSchema,
  updatedAt: isoDate,
})
export type Integration = z.infer<typeof integrationSchema>

export const activityTypeSchema = z.enum([
  'token.generated',
  'token.regenerated',
  'token.removed',
  'token.copied',
  'token.revealed',
  'token.verified',
  'token.pasted',
  'token.replaced_elsewhere',
  'token.compromise_reported',
  'session.signed_in',
  'session.signed_out',
  'session.expired',
  'instance.added',
  'instance.updated',
  'instance.removed',
  'integration.added',
  'integration.updated',
  'integration.removed',
  'integration.marked_updated',
  'integration.imported',
  'settings.changed',
  'reminder.fired',
  'admin.api_access_changed',
])
export type ActivityType = z.infer<typeof activityTypeSchema>
export const activityEntrySchema = z.object({
  id,
  at: isoDate,
  type: activityTypeSchema,
  instanceId: id.nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
})
export type ActivityEntry = z.infer<typeof activityEntrySchema>

export const exportFileSchema = z.object({ filename: z.string(), mimeType: z.string(), text: z.string() })
export type ExportFile = z.infer<typeof exportFileSchema>

export const adminTokenSchema = z.object({
  status: z.enum(['none', 'active', 'expired']),
  createdAt: nullableIso,
  expiresAt: nullableIso,
  lastUsedAt: nullableIso,
  hint: z.string().nullable(),
})
export const adminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.object({ id: z.string(), name: z.string() }),
  apiAccessEnabled: z.boolean(),
  canGenerateTokens: z.boolean(),
  token: adminTokenSchema,
})
export type AdminUser = z.infer<typeof adminUserSchema>
export const auditEventSchema = z.object({
  at: isoDate,
  type: z.string(),
  actorId: z.string().nullable(),
  subjectId: z.string().nullable(),
})
export type AuditEvent = z.infer<typeof auditEventSchema>

export const noticeSchema = z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() })
export type Notice = z.infer<typeof noticeSchema>

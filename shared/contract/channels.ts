import { z } from 'zod'
import {
  activityEntrySchema,
  activityTypeSchema,
  adminUserSchema,
  auditEventSchema,
  catalogEndpointSchema,
  demoUserSchema,
  exportFileSchema,
  instanceInputSchema,
  instanceSchema,
  integrationInputSchema,
  integrationPatchSchema,
  integrationSchema,
  noticeSchema,
  sessionViewSchema,
  settingsSchema,
  tokenChangeSchema,
  tokenViewSchema,
  verificationSchema,
} from './models'

const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response })
const instanceId = z.string().min(1).max(100)
const byInstance = z.strictObject({ instanceId })
const empty = z.strictObject({})
const removed = z.object({ removed: z.literal(true) })
const exportFormat = z.enum(['csv', 'json'])

/**
 * The IPC contract: every channel the renderer may call, `namespace:method`, with its request and response
 * schemas. The preload and the browser preview build `window.tokenDesk` from this object; the main process
 * builds its handler table from it. Requests are parsed in main; responses are parsed before they are sent.
 */
export const channels = {
  'app:info': channel(empty, z.object({ version: z.string(), host: z.enum(['electron', 'preview']), notices: z.array(noticeSchema) })),
  'app:openExternal': channel(z.strictObject({ url: z.string().max(2000) }), z.object({ opened: z.boolean() })),

  'instances:list': channel(empty, z.array(instanceSchema)),
  'instances:add': channel(instanceInputSchema, instanceSchema),
  'instances:update': channel(instanceInputSchema.partial().extend({ id: instanceId }).strict(), instanceSchema),
  'instances:remove': channel(z.strictObject({ id: instanceId }), removed),

  'session:get': channel(byInstance, sessionViewSchema),
  'session:signIn': channel(
    z.strictObject({ instanceId, email: z.string().trim().min(3).max(254), password: z.string().min(1).max(1024) }),
    sessionViewSchema,
  ),
  'session:signInDemo': channel(z.strictObject({ instanceId, user: demoUserSchema }), sessionViewSchema),
  'session:signOut': channel(byInstance, sessionViewSchema),

  'token:status': channel(byInstance, tokenViewSchema),
  'token:generate': channel(byInstance, tokenChangeSchema),
  'token:regenerate': channel(byInstance, tokenChangeSchema),
  'token:remove': channel(byInstance, tokenViewSchema),
  'token:reveal': channel(byInstance, z.object({ token: z.string() })),
  'token:copy': channel(byInstance, z.object({ clearsInSeconds: z.number().int() })),
  /** Store a token made elsewhere: a First Due tenant's, or one regenerated outside Token Desk. */
  'token:paste': channel(
    z.strictObject({ instanceId, token: z.string().trim().min(8).max(4096), expiresAt: z.iso.datetime({ offset: true }) }),
    tokenViewSchema,
  ),
  'token:test': channel(z.strictObject({ instanceId, endpoint: z.string().max(200).optional() }), verificationSchema),
  'token:endpoints': channel(byInstance, z.array(catalogEndpointSchema)),
  'token:reportCompromise': channel(z.strictObject({ instanceId, reason: z.string().trim().min(1).max(500) }), tokenChangeSchema),
  'token:calendar': channel(byInstance, exportFileSchema),

  'settings:get': channel(empty, settingsSchema),
  'settings:update': channel(settingsSchema.partial().strict(), settingsSchema),

  'integrations:list': channel(z.strictObject({ instanceId: instanceId.optional() }), z.array(integrationSchema)),
  'integrations:add': channel(integrationInputSchema, integrationSchema),
  'integrations:update': channel(integrationPatchSchema.extend({ id: instanceId }).strict(), integrationSchema),
  'integrations:remove': channel(z.strictObject({ id: instanceId }), removed),
  'integrations:markUpdated': channel(z.strictObject({ id: instanceId }), integrationSchema),
  'integrations:export': channel(z.strictObject({ format: exportFormat, instanceId: instanceId.optional() }), exportFileSchema),
  'integrations:import': channel(z.strictObject({ format: exportFormat, text: z.string().max(20_000_000) }), z.object({ imported: z.number().int() })),

  'activity:list': channel(
    z.strictObject({ instanceId: instanceId.optional(), type: activityTypeSchema.optional(), limit: z.number().int().min(1).max(10_000).optional() }),
    z.array(activityEntrySchema),
  ),

  'admin:users': channel(byInstance, z.array(adminUserSchema)),
  'admin:setApiAccess': channel(z.strictObject({ instanceId, userId: z.string().min(1).max(100), enabled: z.boolean() }), adminUserSchema),
  'admin:audit': channel(
    z.strictObject({ instanceId, limit: z.number().int().min(1).max(500).optional(), type: z.string().max(100).optional(), userId: z.string().max(100).optional() }),
    z.array(auditEventSchema),
  ),
  'admin:exportAudit': channel(
    z.strictObject({ instanceId, type: z.string().max(100).optional(), userId: z.string().max(100).optional() }),
    exportFileSchema,
  ),
} as const

/** Events main pushes to the renderer. Each becomes `window.tokenDesk.events.on<Namespace><Name>(listener)`. */
export const events = {
  'token:changed': z.object({ instanceId }),
  'session:changed': z.object({ instanceId }),
  'instances:changed': z.object({}),
  'integrations:changed': z.object({ instanceId: instanceId.nullable() }),
  'activity:appended': activityEntrySchema,
  'settings:changed': settingsSchema,
  'app:notice': noticeSchema,
  /** Open a view, e.g. after a reminder notification was clicked. */
  'app:navigate': z.object({ instanceId, view: z.enum(['token', 'integrations', 'settings', 'activity', 'admin']) }),
} as const

export type Channels = typeof channels
export type Channel = keyof Channels
export type Events = typeof events
export type EventName = keyof Events
export type ChannelRequest<C extends Channel> = z.input<Channels[C]['request']>
export type ParsedRequest<C extends Channel> = z.output<Channels[C]['request']>
export type ChannelResponse<C extends Channel> = z.output<Channels[C]['response']>
export type EventPayload<E extends EventName> = z.output<Events[E]>

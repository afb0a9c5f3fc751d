import { AppFailure, type Channel, type Instance } from '@shared/contract'
import type { CoreModule } from '../core-context'
import type { HandlerMap } from '../ipc/handler-table'
import { createAdminClient, MAX_AUDIT_LIMIT } from '../services/admin-client'
import { auditExportFile, filterAuditEvents } from '../services/audit-export'
import { checkCompromiseReason } from '../services/compromise-reason'
import { createTokenClient } from '../services/token-client'

type OwnChannels = Extract<Channel, `admin:${string}` | 'token:reportCompromise'>

const DEFAULT_AUDIT_LIMIT = 50
const FIRST_DUE_ADMIN =
  'First Due tenants have no administration API: manage users, API access and the audit trail in First Due’s web UI.'
const FIRST_DUE_COMPROMISE =
  'First Due tenants regenerate in First Due’s web UI: open it, regenerate the token there (your name → User token → ' +
  'the Reverse icon), then paste the new token and its expiration date into Token Desk.'

/** The tenant's web UI (where its token is regenerated): the base URL's origin, when it is https. */
const tenantWebUrl = (baseUrl: string): string | null => {
  const url = new URL(baseUrl)
  return url.protocol === 'https:' ? `${url.origin}/` : null
}

/**
 * Administration (users, API access, audit trail and its CSV export) over the service's API with the signed-in
 * session, and the compromise response: regenerate at once through the token manager, then report it with the
 * reason (the integrations register has already marked every dependent integration `needs-update`).
 */
export const adminModule: CoreModule = (context) => {
  const admin = createAdminClient(createTokenClient({ fetch: context.adapters.http, now: context.now }))

  const instanceOf = (instanceId: string): Instance => {
    const instance = context.instances.get(instanceId)
    if (!instance) throw new AppFailure('not_found', 'This instance no longer exists.')
    return instance
  }
  /** Administration needs the token service's API and a signed-in session on it. */
  const signedIn = async (instanceId: string) => {
    const instance = instanceOf(instanceId)
    if (instance.kind === 'first-due') throw new AppFailure('unsupported', FIRST_DUE_ADMIN)
    return { instance, baseUrl: instance.baseUrl, session: await context.credentials.sessionToken(instanceId) }
  }

  const handlers: HandlerMap<OwnChannels> = {
    'admin:users': async ({ instanceId }) => {
      const { baseUrl, session } = await signedIn(instanceId)
      return admin.users(baseUrl, session)
    },
    'admin:setApiAccess': async ({ instanceId, userId, enabled }) => {
      const { baseUrl, session } = await signedIn(instanceId)
      const user = await admin.setApiAccess(baseUrl, session, userId, enabled)
      context.bus.emit('admin-changed', { instanceId, userId: user.id, apiAccessEnabled: user.apiAccessEnabled })
      return user
    },
    'admin:audit': async ({ instanceId, limit = DEFAULT_AUDIT_LIMIT, type, userId }) => {
      const { baseUrl, session } = await signedIn(instanceId)
      // The service filters by nothing but count: when filtering, read the most it gives and filter here.
      const filtering = Boolean(type?.trim() || userId?.trim())
      const events = await admin.auditEvents(baseUrl, session, filtering ? MAX_AUDIT_LIMIT : limit)
      return filterAuditEvents(events, { type, userId }).slice(0, limit)
    },
    'admin:exportAudit': async ({ instanceId, type, userId }) => {
      const { instance, baseUrl, session } = await signedIn(instanceId)
      const events = filterAuditEvents(await admin.auditEvents(baseUrl, session, MAX_AUDIT_LIMIT), { type, userId })
      // Names make the sheet readable; without users.read the ids alone still say everything.
      const users = await admin.users(baseUrl, session).catch((error: unknown) => {
        if (error instanceof AppFailure) return []
        throw error
      })
      return auditExportFile({ instanceName: instance.name, now: context.now(), events, users })
    },
    'token:reportCompromise': async ({ instanceId, reason }) => {
      const instance = instanceOf(instanceId)
      const line = checkCompromiseReason(reason, await context.credentials.userToken(instanceId))
      if (instance.kind === 'first-due') {
        // Only First Due can regenerate a tenant's token, but the report itself belongs in the log now.
        context.bus.emit('compromise-reported', { instanceId, reason: line, regenerated: false })
        throw new AppFailure('unsupported', FIRST_DUE_COMPROMISE, { guidedRegeneration: true, webUrl: tenantWebUrl(instance.baseUrl) })
      }
      const change = await context.tokenActions.regenerate(instanceId)
      context.bus.emit('compromise-reported', { instanceId, reason: line, regenerated: true })
      return change
    },
  }
  return { handlers }
}

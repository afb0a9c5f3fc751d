import type { ActivityType, Settings } from '@shared/contract'
import type { ActivityInput, ActivityLog } from './activity-log'
import type { CoreEvents, EventBus } from './event-bus'

/**
 * Turns core events into activity entries a person reads ("Token regenerated", "Signed in as …"). Every
 * summary is built from chosen fields — names, hints, counts, dates — never by copying an event payload, so
 * a secret that strays into an event cannot reach the log.
 */
export function recordActivity(bus: EventBus, log: ActivityLog): () => void {
  const record = (entry: ActivityInput | null) => {
    if (entry) log.append(entry)
  }
  const stops = [
    bus.on('token-changed', (event) => record(tokenChanged(event))),
    bus.on('token-used', ({ instanceId, action }) =>
      record(
        action === 'copied'
          ? { type: 'token.copied', instanceId, summary: 'Copied token to clipboard' }
          : { type: 'token.revealed', instanceId, summary: 'Revealed token on screen' },
      ),
    ),
    bus.on('token-verified', (event) => record(tokenVerified(event))),
    bus.on('session-changed', (event) => record(sessionChanged(event))),
    bus.on('instance-changed', ({ instanceId, change, name }) =>
      record({ type: `instance.${change}`, instanceId, summary: `Instance ${quote(name)} ${change}` }),
    ),
    bus.on('settings-changed', ({ changed }) =>
      record({
        type: 'settings.changed',
        instanceId: null,
        summary: changed.length
          ? `Settings changed: ${changed.map((key) => settingNames[key] ?? 'other').join(', ')}`
          : 'Settings changed',
      }),
    ),
    bus.on('compromise-reported', ({ instanceId, reason, regenerated }) =>
      record({
        type: 'token.compromise_reported',
        instanceId,
        // A regeneration by Token Desk has its own entry just before; a tenant's is still to be done in First Due.
        summary: `Token reported as compromised${regenerated ? '' : ' — regenerate it in First Due'}: ${clip(reason, 200)}`,
      }),
    ),
    bus.on('reminder-fired', ({ instanceId, offsetDays, kind, expiresAt }) =>
      record({
        type: 'reminder.fired',
        instanceId,
        summary:
          kind === 'expiry'
            ? 'Reminder: the token has expired'
            : `Reminder: the token expires in ${days(offsetDays)}`,
        details: { expiresAt: isoOrNull(expiresAt) },
      }),
    ),
    bus.on('admin-changed', ({ instanceId, userId, apiAccessEnabled }) =>
      record({
        type: 'admin.api_access_changed',
        instanceId,
        summary: `API access ${apiAccessEnabled ? 'enabled' : 'disabled'} for user ${clip(userId, 40)}`,
      }),
    ),
    bus.on('integrations-changed', (event) => record(integrationsChanged(event))),
  ]
  return () => stops.forEach((stop) => stop())
}

const tokenSummaries: Record<CoreEvents['token-changed']['change'], { type: ActivityType; summary: string }> =
  {
    generated: { type: 'token.generated', summary: 'Token generated' },
    regenerated: { type: 'token.regenerated', summary: 'Token regenerated' },
    removed: { type: 'token.removed', summary: 'Token removed' },
    pasted: { type: 'token.pasted', summary: 'Token pasted from elsewhere' },
    'replaced-elsewhere': {
      type: 'token.replaced_elsewhere',
      summary: 'Token was regenerated outside Token Desk',
    },
    revoked: { type: 'token.removed', summary: 'Token revoked' },
  }

function tokenChanged({ instanceId, change, hint, expiresAt }: CoreEvents['token-changed']): ActivityInput {
  const { type, summary } = tokenSummaries[change]
  // A hint is the last 4 characters and never more: anything longer is not a hint and is left out.
  const safeHint = hint !== null && hint.length <= 4 ? hint : null
  const ending = safeHint ? ` (ends in ${safeHint})` : ''
  return {
    type,
    instanceId,
    summary: `${summary}${ending}`,
    details: { hint: safeHint, expiresAt: isoOrNull(expiresAt) },
  }
}

function tokenVerified({ instanceId, verification }: CoreEvents['token-verified']): ActivityInput {
  const { outcome, endpoint, records, latencyMs } = verification
  // The path only: a query string could carry anything.
  const path = clip(endpoint.split('?')[0] ?? '', 120)
  const count = records === null ? '' : `, ${records} record${records === 1 ? '' : 's'}`
  return {
    type: 'token.verified',
    instanceId,
    summary: `Test call to ${path}: ${outcomeWords[outcome] ?? outcome}${count}`,
    details: {
      outcome,
      endpoint: path,
      records,
      latencyMs: latencyMs === null ? null : Math.round(latencyMs),
    },
  }
}

const outcomeWords: Record<string, string> = {
  ok: 'OK',
  expired: 'token expired',
  invalid: 'token not accepted',
  invalid_or_permission: 'token not accepted or permission missing',
  permission_denied: 'permission denied',
  api_access_disabled: 'API access disabled',
  network: 'network error',
  timeout: 'timed out',
  server_error: 'server error',
}

function sessionChanged({ instanceId, change, email }: CoreEvents['session-changed']): ActivityInput {
  if (change === 'signed-in') {
    const who = email && /^[^\s@]{1,64}@[^\s@]{1,190}$/.test(email) ? ` as ${email}` : ''
    return { type: 'session.signed_in', instanceId, summary: `Signed in${who}` }
  }
  if (change === 'signed-out') return { type: 'session.signed_out', instanceId, summary: 'Signed out' }
  return { type: 'session.expired', instanceId, summary: 'Session expired; sign in again' }
}

function integrationsChanged({
  instanceId,
  change,
  name,
  count,
}: CoreEvents['integrations-changed']): ActivityInput {
  const n = count ?? 0
  const plural = `${n} integration${n === 1 ? '' : 's'}`
  switch (change) {
    case 'added':
    case 'updated':
    case 'removed':
      if (name === null)
        return {
          type: `integration.${change}`,
          instanceId,
          summary: `${plural} ${change} with their instance`,
          details: { count: n },
        }
      return { type: `integration.${change}`, instanceId, summary: `Integration ${quote(name)} ${change}` }
    case 'marked-updated':
      return {
        type: 'integration.marked_updated',
        instanceId,
        summary: `Integration ${quote(name ?? '')} marked updated`,
      }
    case 'imported':
      return {
        type: 'integration.imported',
        instanceId,
        summary: `Imported ${plural}`,
        details: { count: n },
      }
    case 'needs-update':
      return {
        type: 'integration.updated',
        instanceId,
        summary: `${plural} now need${n === 1 ? 's' : ''} the new token`,
        details: { count: n },
      }
  }
}

const settingNames: Partial<Record<keyof Settings, string>> = {
  reminderDays: 'reminder days',
  clipboardClearSeconds: 'clipboard clearing',
  theme: 'theme',
  startAtLogin: 'start at login',
  activeInstanceId: 'active instance',
}

const quote = (name: string) => `“${clip(name, 120)}”`
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`
const isoOrNull = (value: string | null) =>
  value !== null && /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : null

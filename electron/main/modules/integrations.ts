import { basename } from 'node:path'
import type { Channel } from '@shared/contract'
import type { CoreModule } from '../core-context'
import type { HandlerMap } from '../ipc/handler-table'
import { ActivityLog } from '../services/activity-log'
import { recordActivity } from '../services/activity-recorder'
import { IntegrationsRegister } from '../services/integrations-register'
import { exportIntegrations, parseIntegrationsFile } from '../services/integrations-transfer'

type OwnChannels = Extract<Channel, `integrations:${string}` | 'activity:list'>

/**
 * The integrations register (which systems use which instance's token) and the activity log. Both live in
 * the data folder and follow the bus: token changes flag integrations as needing the new token, removed
 * instances take their integrations with them, and every core event a person cares about is logged.
 */
export const integrationsModule: CoreModule = (context) => {
  const { bus, log } = context
  const register = new IntegrationsRegister({
    dir: context.dataDir,
    instances: context.instances,
    bus,
    now: context.now,
    onRecovered: ({ movedTo, reason }) => {
      log.warn({ movedTo, reason }, 'integrations register unreadable; moved aside')
      bus.emit('notice', {
        level: 'warning',
        message: `The integrations list could not be read (${reason}). It was kept as ${basename(movedTo)} and an empty list was started.`,
      })
    },
  })
  const activity = new ActivityLog({
    dir: context.dataDir,
    bus,
    now: context.now,
    onSkipped: (count) => log.warn({ count }, 'activity log: unreadable lines dropped'),
  })
  context.directories.integrations = register
  // The recorder subscribes first so a cause ("Token regenerated") is logged before its effects on the register.
  const stops = [recordActivity(bus, activity), register.listen()]

  /** Every token Token Desk keeps, to refuse one pasted into the register; a locked keychain skips the exact check. */
  const storedTokens = async (): Promise<string[]> => {
    const tokens = await Promise.all(
      context.instances.list().map(async (instance) => {
        try {
          return await context.credentials.userToken(instance.id)
        } catch {
          return null
        }
      }),
    )
    return tokens.filter((token): token is string => token !== null)
  }

  const handlers: HandlerMap<OwnChannels> = {
    'integrations:list': ({ instanceId }) => register.list({ instanceId }),
    'integrations:add': async (input) => register.add(input, await storedTokens()),
    'integrations:update': async ({ id, ...patch }) => register.update(id, patch, await storedTokens()),
    'integrations:remove': ({ id }) => {
      register.remove(id)
      return { removed: true }
    },
    'integrations:markUpdated': ({ id }) => register.markUpdated(id),
    'integrations:export': ({ format, instanceId }) =>
      exportIntegrations(register.list({ instanceId }), format, {
        now: context.now(),
        instanceName: (id) => context.instances.get(id)?.name,
      }),
    'integrations:import': async ({ format, text }) => ({
      imported: register.importRecords(parseIntegrationsFile(format, text), await storedTokens()),
    }),
    'activity:list': (filter) => activity.list(filter),
  }

  return {
    handlers,
    start() {
      // The token manager's cache says which instances already hold a token (a paste may replace it).
      register.rememberTokens(context.tokens.list().filter((token) => token.stored || token.hint !== null))
    },
    close() {
      stops.forEach((stop) => stop())
    },
  }
}

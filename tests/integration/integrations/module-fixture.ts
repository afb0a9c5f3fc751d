import type { Adapters } from '../../../electron/main/adapters/types'
import type { CoreContext, Logger, TokenSummary } from '../../../electron/main/core-context'
import { createHandlerTable } from '../../../electron/main/ipc/handler-table'
import { integrationsModule } from '../../../electron/main/modules/integrations'
import { defaultSettings } from '@shared/contract'
import { coreParts } from './fixtures'

const notHere = (what: string) => () => {
  throw new Error(`${what} is not part of the integrations module`)
}

/** Collects log calls so tests can check that nothing secret was logged. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = []
  info(object: object, message?: string) {
    this.lines.push(JSON.stringify({ level: 'info', object, message }))
  }
  warn(object: object, message?: string) {
    this.lines.push(JSON.stringify({ level: 'warn', object, message }))
  }
  error(object: object, message?: string) {
    this.lines.push(JSON.stringify({ level: 'error', object, message }))
  }
}

/** The integrations module over a real data folder, a real bus and the real handler table. */
export function moduleFixture(tokens: TokenSummary[] = [], storedTokens: Record<string, string> = {}) {
  const { dir, cleanup, bus, instances, clock } = coreParts()
  const log = new MemoryLogger()
  const adapters: Adapters = {
    http: notHere('http'),
    clipboard: {
      writeSecret: notHere('clipboard'),
      readText: notHere('clipboard'),
      clear: notHere('clipboard'),
    },
    shell: { openExternal: notHere('shell') },
    notifier: { show: notHere('notifier') },
    power: { onResume: notHere('power') },
    loginItem: { isEnabled: notHere('login item'), setEnabled: notHere('login item') },
  }
  const context: CoreContext = {
    dataDir: dir,
    bus,
    adapters,
    now: clock.now,
    log,
    settings: { get: () => defaultSettings },
    instances,
    tokens: { list: () => tokens, get: (id) => tokens.find((token) => token.instanceId === id) },
    credentials: { sessionToken: notHere('credentials'), userToken: async (id) => storedTokens[id] ?? null },
    tokenActions: { regenerate: notHere('token actions') },
    directories: { integrations: { namesFor: () => [] } },
  }
  const unexpected: unknown[] = []
  const module = integrationsModule(context)
  const dispatch = createHandlerTable(module.handlers, (_channel, error) => unexpected.push(error))
  const call = (channel: string, payload: unknown) => dispatch(channel, payload, { host: 'preview' })
  return { dir, bus, instances, clock, log, context, module, call, unexpected, cleanup }
}

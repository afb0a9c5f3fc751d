import { mkdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { AppFailure, events, type EventName, type Notice } from '@shared/contract'
import { createTokenService } from '../../service/app'
import type { Adapters } from './adapters/types'
import type { CoreContext, CoreModule, Logger } from './core-context'
import { createAppHandlers } from './ipc/app-handlers'
import { createHandlerTable, type Dispatch, type HandlerMap } from './ipc/handler-table'
import { createInstancesHandlers } from './ipc/instances-handlers'
import { createSessionHandlers } from './ipc/session-handlers'
import { createSettingsHandlers } from './ipc/settings-handlers'
import { createTokenHandlers } from './ipc/token-handlers'
import { coreModules } from './modules'
import { createClipboardService } from './services/clipboard'
import { EventBus, type CoreEvents } from './services/event-bus'
import { createInstancesService } from './services/instances'
import { startSandbox, type EmbeddedServiceFactory, type Sandbox } from './services/sandbox'
import { accountsOf, createKeyringSecretStore, type SecretStore } from './services/secret-store'
import { tenantHostsOf } from './services/external-links'
import { createSessionsService } from './services/sessions'
import { createSettingsService } from './services/settings'
import { createTokenClient } from './services/token-client'
import { createTokenManager } from './services/token-manager'
import { createTokenMetadataStore } from './services/token-metadata'

export type { Logger }

export type CoreOptions = {
  dataDir: string
  adapters: Adapters
  host: 'electron' | 'preview'
  /** Starts the embedded service's clock (and the core's) at this ISO instant, then runs in real time. */
  sandboxNow?: string
  log?: Logger
  /** Override for fault-injection tests (e.g. a keychain that refuses writes). */
  secretStore?: SecretStore
  /** Token-service call timeout (default 15 s). */
  httpTimeoutMs?: number
  /** Feature modules to run (default: every module in modules/index.ts). */
  modules?: CoreModule[]
  /** Shown by app:info (Electron passes app.getVersion()); default: ./package.json's. */
  version?: string
  /** The embedded token service (default: service/app.ts's createTokenService). */
  createService?: EmbeddedServiceFactory
}

export type Core = {
  dispatch: Dispatch
  bus: EventBus
  context: CoreContext
  /** Renderer-facing events (contract `events`), already mapped from bus events. */
  onRendererEvent(listener: (event: EventName, payload: unknown) => void): () => void
  close(): Promise<void>
}

const silentLog: Logger = { info() {}, warn() {}, error() {} }
const describe = (error: unknown) => (error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) })

/** Bus events the renderer hears about, and the contract event each becomes. */
const rendererEvents: { [E in keyof CoreEvents]?: { event: EventName; payload(value: CoreEvents[E]): unknown } } = {
  'token-changed': { event: 'token:changed', payload: ({ instanceId }) => ({ instanceId }) },
  'session-changed': { event: 'session:changed', payload: ({ instanceId }) => ({ instanceId }) },
  'instance-changed': { event: 'instances:changed', payload: () => ({}) },
  'integrations-changed': { event: 'integrations:changed', payload: ({ instanceId }) => ({ instanceId }) },
  'activity-appended': { event: 'activity:appended', payload: (entry) => entry },
  'settings-changed': { event: 'settings:changed', payload: ({ settings }) => settings },
  notice: { event: 'app:notice', payload: (notice) => notice },
  navigate: { event: 'app:navigate', payload: (target) => target },
}

function packageVersion(): string {
  try {
    return String(JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')).version ?? '0.0.0')
  } catch {
    return '0.0.0'
  }
}

function clockFrom(sandboxNow: string | undefined): () => Date {
  if (!sandboxNow) return () => new Date()
  const offset = Date.parse(sandboxNow) - Date.now()
  if (Number.isNaN(offset)) throw new Error(`sandboxNow is not an ISO date: ${sandboxNow}`)
  return () => new Date(Date.now() + offset)
}

/**
 * Wires every main-process service in plain Node: the one place that knows them all. Used by the Electron
 * composition root (electron/main/index.ts), the browser preview, the tests and the benchmark.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { dataDir, adapters } = options
  const log = options.log ?? silentLog
  const now = clockFrom(options.sandboxNow)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })

  const bus = new EventBus((error) => log.error({ err: describe(error) }, 'event listener failed'))
  const notices: Notice[] = []
  const warn = (message: string, level: Notice['level'] = 'warning') => {
    notices.push({ level, message })
    bus.emit('notice', { level, message })
    log.warn({ notice: message }, 'notice')
  }
  const recovered = (what: string) => (info: { movedTo: string; reason: string }) =>
    warn(`Your ${what} file could not be read (${info.reason}). It was kept as ${basename(info.movedTo)} and ${what} were reset to defaults.`)

  const secrets = options.secretStore ?? createKeyringSecretStore()
  const settings = createSettingsService({ dir: dataDir, bus, now, onRecovered: recovered('settings') })
  const metadata = createTokenMetadataStore({ dir: dataDir, now, onRecovered: recovered('token details') })
  const client = createTokenClient({ fetch: adapters.http, timeoutMs: options.httpTimeoutMs, now })
  const clipboard = createClipboardService(adapters.clipboard, (error) => log.warn({ err: describe(error) }, 'clipboard clear failed'))
  const instances = createInstancesService({
    dir: dataDir,
    bus,
    now,
    onRecovered: recovered('instance list'),
    async forget(instanceId) {
      for (const account of accountsOf(instanceId)) await secrets.delete(account)
      metadata.forget(instanceId)
      sessions.forget(instanceId)
    },
  })
  const sessions = createSessionsService({
    instances,
    secrets,
    client,
    bus,
    now,
    demoPassword: () => (sandbox ? sandbox.demoPassword() : Promise.reject(new AppFailure('not_found', 'The local sandbox is not running.'))),
  })
  const tokens = createTokenManager({ instances, sessions, secrets, client, metadata, settings, clipboard, bus, now })

  let sandbox: Sandbox | null = null
  try {
    sandbox = await startSandbox({
      dataDir,
      instances,
      secrets,
      sessions,
      clock: now,
      createService: options.createService ?? createTokenService,
      warn,
    })
  } catch (error) {
    log.error({ err: describe(error) }, 'sandbox failed to start')
    warn(`The local sandbox could not start: ${describe(error).message}`, 'error')
  }

  const context: CoreContext = {
    dataDir,
    bus,
    adapters,
    now,
    log,
    settings,
    instances,
    tokens: metadata,
    credentials: { sessionToken: (id) => sessions.sessionToken(id), userToken: (id) => tokens.userToken(id) },
    tokenActions: { regenerate: (id) => tokens.regenerate(id) },
    directories: { integrations: { namesFor: () => [] } },
  }

  const own: Partial<HandlerMap> = {
    ...createAppHandlers({ version: options.version ?? packageVersion(), host: options.host, notices: () => [...notices], shell: adapters.shell, tenantHosts: () => tenantHostsOf(instances.list()) }),
    ...createInstancesHandlers(instances),
    ...createSessionHandlers(sessions),
    ...createTokenHandlers(tokens),
    ...createSettingsHandlers(settings),
  }
  const modules = (options.modules ?? coreModules).map((module) => module(context))
  const handlers: Partial<HandlerMap> = { ...own }
  for (const module of modules) {
    for (const [channel, handler] of Object.entries(module.handlers)) {
      if (channel in handlers) log.warn({ channel }, 'a module handler replaces another one')
      ;(handlers as Record<string, unknown>)[channel] = handler
    }
  }
  const dispatch = createHandlerTable(handlers, (channel, error) => log.error({ channel, err: describe(error) }, 'handler failed'))
  for (const module of modules) await module.start?.()

  const listeners = new Set<(event: EventName, payload: unknown) => void>()
  const unsubscribes = Object.entries(rendererEvents).map(([busEvent, mapping]) =>
    bus.on(busEvent as keyof CoreEvents, (value) => {
      const payload = mapping.payload(value as never)
      const checked = events[mapping.event].safeParse(payload)
      if (!checked.success) return log.error({ event: mapping.event }, 'event payload does not match the contract')
      for (const listener of listeners) listener(mapping.event, checked.data)
    }),
  )

  return {
    dispatch,
    bus,
    context,
    onRendererEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      for (const unsubscribe of unsubscribes) unsubscribe()
      listeners.clear()
      for (const module of [...modules].reverse()) {
        await Promise.resolve(module.close?.()).catch((error: unknown) => log.error({ err: describe(error) }, 'module close failed'))
      }
      await clipboard.close()
      const running = sandbox
      // Drop the service so its database handles can be collected (libsql frees the file lock only then).
      sandbox = null
      await running?.close()
    },
  }
}

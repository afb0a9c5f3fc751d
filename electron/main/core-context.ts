import type { Instance, Settings, TokenChange } from '@shared/contract'
import type { Adapters } from './adapters/types'
import type { HandlerMap } from './ipc/handler-table'
import type { EventBus } from './services/event-bus'

/** pino-compatible; never given a secret. */
export interface Logger {
  info(object: object, message?: string): void
  warn(object: object, message?: string): void
  error(object: object, message?: string): void
}

export interface SettingsReader {
  get(): Settings
}

export interface InstanceDirectory {
  list(): Instance[]
  get(id: string): Instance | undefined
}

/** Non-secret token metadata as cached by the token manager (no network). */
export type TokenSummary = {
  instanceId: string
  hint: string | null
  createdAt: string | null
  expiresAt: string | null
  stored: boolean
}
export interface TokenDirectory {
  list(): TokenSummary[]
  get(instanceId: string): TokenSummary | undefined
}

/** Secrets for main-process callers that make real API calls (the verifier, admin). Never sent to the renderer. */
export interface Credentials {
  /** The instance's session token; throws AppFailure `signed_out` / `session_expired`. */
  sessionToken(instanceId: string): Promise<string>
  /** The stored user token, or null when the keychain holds none. */
  userToken(instanceId: string): Promise<string | null>
}

/** Token operations other modules may trigger (e.g. compromise response regenerates at once). */
export interface TokenActions {
  regenerate(instanceId: string): Promise<TokenChange>
}

export interface IntegrationDirectory {
  namesFor(instanceId: string): string[]
}

/** Everything a core module may use. Filled by core.ts; modules get it through their factory. */
export type CoreContext = {
  dataDir: string
  bus: EventBus
  adapters: Adapters
  now: () => Date
  log: Logger
  settings: SettingsReader
  instances: InstanceDirectory
  tokens: TokenDirectory
  credentials: Credentials
  tokenActions: TokenActions
  /** Set by the integrations module; empty until then. */
  directories: { integrations: IntegrationDirectory }
}

/** A feature built on the core: its IPC handlers plus optional start/stop (e.g. schedulers). */
export type CoreModule = (context: CoreContext) => {
  handlers: Partial<HandlerMap>
  start?(): void | Promise<void>
  close?(): void | Promise<void>
}

import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  AppFailure,
  defaultSettings,
  type AppError,
  type Channel,
  type ChannelRequest,
  type ChannelResponse,
  type Instance,
  type InstanceKind,
  type Result,
  type TokenChange,
} from '@shared/contract'
import { createTokenService } from '../../../service/app'
import type { Adapters } from '../../../electron/main/adapters/types'
import { nodeHttp } from '../../../electron/main/adapters/node-http'
import type { CoreContext, CoreModule, Logger, TokenSummary } from '../../../electron/main/core-context'
import { createHandlerTable } from '../../../electron/main/ipc/handler-table'
import { EventBus, type CoreEvents } from '../../../electron/main/services/event-bus'
import { createTokenClient, type NewToken, type TokenClient } from '../../../electron/main/services/token-client'

export const DEMO_PASSWORD = 'demo-password-for-tests'
export const demoEmails = { admin: 'admin@demo.test', api: 'api@demo.test', crew: 'crew@demo.test' } as const
export type DemoWho = keyof typeof demoEmails

/** A clock the service reads; tests move it (e.g. a year ahead so a token expires). */
export function movableClock() {
  let offsetMs = 0
  return { now: () => new Date(Date.now() + offsetMs), advance: (ms: number) => void (offsetMs += ms) }
}

export type RunningService = { baseUrl: string; stop(): Promise<void>; cleanup(): Promise<void> }

/** The real token service on 127.0.0.1 (free port), seeded with the demo agency, in a temp SQLite file. */
export async function startService(options: { authErrors?: 'standard' | 'first-due'; clock?: () => Date } = {}): Promise<RunningService> {
  const dir = mkdtempSync(join(tmpdir(), 'token-desk-verification-'))
  const service = createTokenService({ dbPath: join(dir, 'service.sqlite'), port: 0, seed: 'demo', demoPassword: DEMO_PASSWORD, ...options })
  await service.listen()
  const baseUrl = service.baseUrl
  if (!baseUrl) throw new Error('the service did not report its address')
  return {
    baseUrl,
    stop: () => service.close(),
    async cleanup() {
      await service.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A local HTTP server with one behaviour for every request (hang forever, answer 500 …). */
export async function startStubServer(handler: Parameters<typeof createServer>[1]): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server: Server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/fd-api/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export const testClient = (): TokenClient => createTokenClient({ fetch: nodeHttp, now: () => new Date() })

/** Signs in over HTTP like the sessions service would, returning the session token. */
export async function signIn(baseUrl: string, who: DemoWho): Promise<string> {
  return (await testClient().signIn(baseUrl, demoEmails[who], DEMO_PASSWORD)).accessToken
}

export async function generateToken(baseUrl: string, session: string): Promise<NewToken> {
  return testClient().generate(baseUrl, session)
}

/** The status a bearer gets on a data endpoint: how tests check what the service itself accepts. */
export async function statusWith(baseUrl: string, bearer: string, path = '/stations'): Promise<number> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } })
  await response.arrayBuffer()
  return response.status
}

const silentLog: Logger = { info() {}, warn() {}, error() {} }
const notHere = (what: string) => () => {
  throw new Error(`${what} is not used by verification or administration`)
}

/**
 * A CoreContext from real parts, for the verification and admin modules on their own: global fetch, a real
 * EventBus, and credentials that are real tokens obtained from the real service over HTTP. Regeneration goes
 * to the service like the token manager's does and emits the same `token-changed` event.
 */
export class TestHost {
  readonly bus = new EventBus((error) => {
    throw error
  })
  readonly instances = new Map<string, Instance>()
  readonly sessions = new Map<string, string>()
  readonly userTokens = new Map<string, string>()
  readonly summaries = new Map<string, TokenSummary>()
  readonly seen: { [E in keyof CoreEvents]?: CoreEvents[E][] } = {}
  readonly context: CoreContext
  private readonly unexpected: unknown[] = []

  constructor() {
    const adapters: Adapters = {
      http: nodeHttp,
      clipboard: { writeSecret: notHere('clipboard'), readText: notHere('clipboard'), clear: notHere('clipboard') },
      shell: { openExternal: notHere('shell') },
      notifier: { show: notHere('notifier') },
      power: { onResume: notHere('power') },
      loginItem: { isEnabled: notHere('login item'), setEnabled: notHere('login item') },
    }
    for (const event of ['token-verified', 'compromise-reported', 'admin-changed', 'token-changed'] as const) {
      const list: unknown[] = (this.seen[event] = [])
      this.bus.on(event, (payload) => list.push(payload))
    }
    this.context = {
      dataDir: tmpdir(),
      bus: this.bus,
      adapters,
      now: () => new Date(),
      log: silentLog,
      settings: { get: () => defaultSettings },
      instances: { list: () => [...this.instances.values()], get: (id) => this.instances.get(id) },
      tokens: { list: () => [...this.summaries.values()], get: (id) => this.summaries.get(id) },
      credentials: {
        sessionToken: async (id) => {
          const session = this.sessions.get(id)
          if (!session) throw new AppFailure('signed_out', 'Sign in first.')
          return session
        },
        userToken: async (id) => this.userTokens.get(id) ?? null,
      },
      tokenActions: { regenerate: (id) => this.regenerate(id) },
      directories: { integrations: { namesFor: () => [] } },
    }
  }

  addInstance(id: string, baseUrl: string, kind: InstanceKind = 'token-service'): Instance {
    const instance: Instance = { id, name: `Test ${id}`, kind, baseUrl, environment: 'development', isSandbox: false }
    this.instances.set(id, instance)
    return instance
  }

  /** Keeps a token as the token manager would: the secret in "the keychain", the metadata in the cache. */
  storeToken(instanceId: string, token: string, expiresAt: string | null): void {
    this.userTokens.set(instanceId, token)
    this.summaries.set(instanceId, { instanceId, hint: token.slice(-4), createdAt: null, expiresAt, stored: true })
  }

  private async regenerate(instanceId: string): Promise<TokenChange> {
    const instance = this.instances.get(instanceId)
    if (!instance) throw new AppFailure('not_found', 'no such instance')
    const fresh = await testClient().regenerate(instance.baseUrl, await this.context.credentials.sessionToken(instanceId))
    this.storeToken(instanceId, fresh.token, fresh.expiresAt)
    this.bus.emit('token-changed', { instanceId, change: 'regenerated', hint: fresh.hint, expiresAt: fresh.expiresAt })
    const view = {
      instanceId,
      status: 'active' as const,
      createdAt: fresh.createdAt,
      expiresAt: fresh.expiresAt,
      lastUsedAt: null,
      lastVerifiedAt: null,
      lastVerification: null,
      hint: fresh.hint,
      daysLeft: null,
      stored: true,
      replacedElsewhere: false,
      source: 'service' as const,
    }
    return { view, unsavedToken: null }
  }

  /** The modules behind the real handler table, called as the renderer would. */
  mount(...modules: CoreModule[]) {
    const handlers = Object.assign({}, ...modules.map((module) => module(this.context).handlers))
    const dispatch = createHandlerTable(handlers, (_channel, error) => this.unexpected.push(error))
    const call = <C extends Channel>(channel: C, payload: ChannelRequest<C>) =>
      dispatch(channel, payload, { host: 'preview' }) as Promise<Result<ChannelResponse<C>>>
    return {
      call,
      /** The value of a call that must succeed. */
      async value<C extends Channel>(channel: C, payload: ChannelRequest<C>): Promise<ChannelResponse<C>> {
        const result = await call(channel, payload)
        if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`)
        return result.value
      },
      /** The error of a call that must fail. */
      async error<C extends Channel>(channel: C, payload: ChannelRequest<C>): Promise<AppError> {
        const result = await call(channel, payload)
        if (result.ok) throw new Error(`${channel} succeeded but should have failed`)
        return result.error
      },
      unexpected: this.unexpected,
    }
  }
}

import type { Result } from './envelope'
import type { Channel, ChannelRequest, ChannelResponse, EventName, EventPayload } from './channels'
import { channels, events } from './channels'

type Namespace<C extends string> = C extends `${infer N}:${string}` ? N : never
type Method<C extends string> = C extends `${string}:${infer M}` ? M : never
type EventMethod<E extends string> = `on${Capitalize<Namespace<E>>}${Capitalize<Method<E>>}`

type Call<C extends Channel> = Record<string, never> extends ChannelRequest<C>
  ? (request?: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>
  : (request: ChannelRequest<C>) => Promise<Result<ChannelResponse<C>>>

export type Unsubscribe = () => void

/** The typed API the renderer sees as `window.tokenDesk`. */
export type TokenDeskApi = {
  [N in Namespace<Channel>]: { [C in Channel & `${N}:${string}` as Method<C>]: Call<C> }
} & {
  events: { [E in EventName as EventMethod<E>]: (listener: (payload: EventPayload<E>) => void) => Unsubscribe }
}

export type Invoke = (channel: Channel, request: unknown) => Promise<Result<unknown>>
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => Unsubscribe

export const eventMethodName = (event: string): string => {
  const [namespace = '', name = ''] = event.split(':')
  return `on${namespace.charAt(0).toUpperCase()}${namespace.slice(1)}${name.charAt(0).toUpperCase()}${name.slice(1)}`
}

/**
 * Builds `window.tokenDesk` from the contract: one named method per channel and one `on…` per event.
 * The preload passes Electron IPC; the browser preview passes its WebSocket bridge. Nothing generic leaks.
 */
export function buildTokenDeskApi(invoke: Invoke, subscribe: Subscribe): TokenDeskApi {
  const api: Record<string, Record<string, unknown>> = { events: {} }
  for (const name of Object.keys(channels) as Channel[]) {
    const [namespace = '', method = ''] = name.split(':')
    api[namespace] ??= {}
    api[namespace][method] = (request: unknown = {}) => invoke(name, request)
  }
  for (const name of Object.keys(events) as EventName[]) {
    api.events![eventMethodName(name)] = (listener: (payload: unknown) => void) => subscribe(name, listener)
  }
  return api as unknown as TokenDeskApi
}

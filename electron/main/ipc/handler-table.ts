import {
  AppFailure,
  channels,
  type Channel,
  type ChannelResponse,
  type ParsedRequest,
  type Result,
} from '@shared/contract'
import type { z } from 'zod'

/** Who is calling: the Electron window or the browser preview's bridge. */
export type CallContext = { host: 'electron' | 'preview' }

export type Handler<C extends Channel> = (
  request: ParsedRequest<C>,
  context: CallContext,
) => Promise<z.input<(typeof channels)[C]['response']>> | z.input<(typeof channels)[C]['response']>

/** Handlers for the channels of one namespace (or any subset); handler files export these. */
export type HandlerMap<C extends Channel = Channel> = { [K in C]: Handler<K> }
export type Dispatch = (channel: string, payload: unknown, context: CallContext) => Promise<Result<unknown>>

const describeIssues = (issues: z.core.$ZodIssue[]) =>
  issues.slice(0, 20).map((issue) => ({ field: issue.path.join('.') || '(payload)', message: issue.message }))

/**
 * The one handler table: parses every payload with the contract's schema, calls the handler, checks the
 * response against the contract, and wraps everything in the result envelope. It never throws and never
 * returns a stack trace: unexpected errors become `internal` and go to `onUnexpected` (the log).
 */
export function createHandlerTable(handlers: Partial<HandlerMap>, onUnexpected: (channel: string, error: unknown) => void): Dispatch {
  return async (channel, payload, context) => {
    if (!Object.hasOwn(channels, channel)) {
      return { ok: false, error: { code: 'invalid_request', message: `Unknown channel "${String(channel).slice(0, 100)}"` } }
    }
    const name = channel as Channel
    const handler = handlers[name] as Handler<Channel> | undefined
    // Before parsing, so a channel nobody handles is named as such whatever the payload.
    if (!handler) return { ok: false, error: { code: 'unsupported', message: `"${name}" is not available in this build.` } }
    const parsed = channels[name].request.safeParse(payload ?? {})
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_request', message: 'The request is not valid.', details: { errors: describeIssues(parsed.error.issues) } },
      }
    }
    try {
      const value = await handler(parsed.data as never, context)
      const checked = channels[name].response.safeParse(value)
      if (!checked.success) {
        onUnexpected(name, new Error(`response does not match the contract: ${JSON.stringify(describeIssues(checked.error.issues))}`))
        return { ok: false, error: { code: 'internal', message: 'Token Desk hit an internal error. Please try again.' } }
      }
      return { ok: true, value: checked.data as ChannelResponse<Channel> }
    } catch (error) {
      if (error instanceof AppFailure) return { ok: false, error: error.toError() }
      onUnexpected(name, error)
      return { ok: false, error: { code: 'internal', message: 'Token Desk hit an internal error. Please try again.' } }
    }
  }
}

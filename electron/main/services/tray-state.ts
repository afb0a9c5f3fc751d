import { daysLeft, tokenStatus } from '@shared/token-status'
import type { InstanceDirectory, SettingsReader, TokenDirectory } from '../core-context'
import { expiresInWords, isRemindable, type RemindableToken } from './reminder-plan'

export type TrayLevel = 'ok' | 'expiring' | 'expired'
export type TrayState = {
  level: TrayLevel
  /** "Token Desk — Demo Fire Rescue: expires in 42 days" (the most urgent token; "+N more" when there are others). */
  tooltip: string
  /** The instance whose token expires first (null without tokens). */
  instanceId: string | null
}

const severity: Record<TrayLevel, number> = { ok: 0, expiring: 1, expired: 2 }

function expiryWords(expiresAt: Date, now: Date): string {
  if (now.getTime() < expiresAt.getTime()) return expiresInWords(expiresAt, now)
  const ago = -daysLeft(expiresAt, now)
  if (ago <= 0) return 'expired today'
  return ago === 1 ? 'expired yesterday' : `expired ${ago} days ago`
}

/** The tray's icon level and tooltip for a set of tokens: the worst status wins, the soonest expiry is named. */
export function computeTrayState(input: {
  tokens: readonly RemindableToken[]
  instanceName: (instanceId: string) => string
  reminderDays: readonly number[]
  now: Date
}): TrayState {
  const { now } = input
  const tokens = [...input.tokens].sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))
  const first = tokens[0]
  if (!first) return { level: 'ok', tooltip: 'Token Desk — no API tokens yet', instanceId: null }
  let level: TrayLevel = 'ok'
  for (const token of tokens) {
    const status = tokenStatus(new Date(token.expiresAt), now, input.reminderDays)
    const tokenLevel: TrayLevel = status === 'expired' ? 'expired' : status === 'expiring' ? 'expiring' : 'ok'
    if (severity[tokenLevel] > severity[level]) level = tokenLevel
  }
  const more = tokens.length > 1 ? ` (+${tokens.length - 1} more)` : ''
  const tooltip = `Token Desk — ${input.instanceName(first.instanceId)}: ${expiryWords(new Date(first.expiresAt), now)}${more}`
  return { level, tooltip, instanceId: first.instanceId }
}

export interface TrayStateSource {
  current(): TrayState
  /** Recomputes; listeners hear about it only when the level, tooltip or named instance changed. */
  refresh(): TrayState
  onChange(listener: (state: TrayState) => void): () => void
}

export function createTrayState(deps: { tokens: TokenDirectory; instances: InstanceDirectory; settings: SettingsReader; now: () => Date }): TrayStateSource {
  const listeners = new Set<(state: TrayState) => void>()
  const compute = () =>
    computeTrayState({
      tokens: deps.tokens.list().filter(isRemindable),
      instanceName: (instanceId) => deps.instances.get(instanceId)?.name ?? instanceId,
      reminderDays: deps.settings.get().reminderDays,
      now: deps.now(),
    })
  let state = compute()
  return {
    current: () => state,
    refresh() {
      const next = compute()
      const changed = next.level !== state.level || next.tooltip !== state.tooltip || next.instanceId !== state.instanceId
      state = next
      if (changed) for (const listener of listeners) listener(next)
      return next
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

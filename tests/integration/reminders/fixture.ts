import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defaultSettings, type Instance, type Settings } from '@shared/contract'
import type { PowerAdapter } from '../../../electron/main/adapters/types'
import { createNodeNotifier } from '../../../electron/main/adapters/node-notifier'
import type { CoreEvents } from '../../../electron/main/services/event-bus'
import { EventBus } from '../../../electron/main/services/event-bus'
import type { InstanceDirectory, TokenDirectory, TokenSummary } from '../../../electron/main/core-context'
import type { JobTimer } from '../../../electron/main/services/job-timer'
import { ReminderScheduler } from '../../../electron/main/services/reminder-scheduler'
import { openReminderState } from '../../../electron/main/services/reminder-state'

type Recorded = { [E in keyof CoreEvents]: { event: E; payload: CoreEvents[E] } }[keyof CoreEvents]

/** In-memory instance list: the data the core's directories would hold. */
export class Instances implements InstanceDirectory {
  private readonly byId = new Map<string, Instance>()
  add(id: string, name: string): void {
    this.byId.set(id, { id, name, kind: 'token-service', baseUrl: 'http://127.0.0.1:1/fd-api/v1', environment: 'development', isSandbox: false })
  }
  remove(id: string): void {
    this.byId.delete(id)
  }
  list = () => [...this.byId.values()]
  get = (id: string) => this.byId.get(id)
}

/** In-memory token metadata, as the token manager caches it. */
export class Tokens implements TokenDirectory {
  private readonly byId = new Map<string, TokenSummary>()
  set(instanceId: string, token: { createdAt: string | null; expiresAt: string | null; hint: string | null; stored?: boolean }): void {
    this.byId.set(instanceId, { instanceId, stored: true, ...token })
  }
  delete(instanceId: string): void {
    this.byId.delete(instanceId)
  }
  list = () => [...this.byId.values()]
  get = (id: string) => this.byId.get(id)
}

/** A power adapter whose "resume" the test triggers (Electron's powerMonitor is not available in Node). */
export function wakeablePower(): PowerAdapter & { wake(): void } {
  const listeners = new Set<() => void>()
  return {
    onResume(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    wake: () => listeners.forEach((listener) => listener()),
  }
}

/** A real bus, real state files in a temp folder, a recording Node notifier, and mutable directories. */
export function reminderWorld() {
  const dir = mkdtempSync(join(tmpdir(), 'token-desk-reminders-'))
  const bus = new EventBus((error) => {
    throw error
  })
  const instances = new Instances()
  const tokens = new Tokens()
  let settings: Settings = { ...defaultSettings }
  const integrations = new Map<string, string[]>()
  const notifier = createNodeNotifier()
  const events: Recorded[] = []
  for (const event of ['reminder-fired', 'navigate', 'notice'] as const) {
    bus.on(event, (payload) => events.push({ event, payload } as Recorded))
  }
  const openState = () => openReminderState({ dir, now: () => new Date() })
  const schedulers: ReminderScheduler[] = []
  const world = {
    dir,
    bus,
    instances,
    tokens,
    integrations,
    notifier,
    events,
    openState,
    settings: { get: () => settings },
    /** A scheduler as the app builds it at start-up (a restart is: close the old one, make a new one). */
    scheduler(options: { onChecked?: () => void; now?: () => Date; timer?: JobTimer } = {}) {
      const scheduler = new ReminderScheduler({
        bus,
        tokens,
        instances,
        settings: world.settings,
        integrationNames: (id) => integrations.get(id) ?? [],
        notifier,
        state: openState(),
        now: options.now ?? (() => new Date()),
        onChecked: options.onChecked,
        timer: options.timer,
      })
      schedulers.push(scheduler)
      return scheduler
    },
    /** The token manager's side of a change: cache the metadata, then announce it. */
    changeToken(instanceId: string, token: { createdAt: string | null; expiresAt: string; hint: string }, change: 'generated' | 'regenerated' | 'pasted' = 'generated') {
      tokens.set(instanceId, token)
      bus.emit('token-changed', { instanceId, change, hint: token.hint, expiresAt: token.expiresAt })
    },
    removeToken(instanceId: string) {
      tokens.delete(instanceId)
      bus.emit('token-changed', { instanceId, change: 'removed', hint: null, expiresAt: null })
    },
    /** Settings as they were saved before start-up (no event). */
    presetSettings(patch: Partial<Settings>) {
      settings = { ...settings, ...patch }
    },
    /** The settings service's side of a change: save, then announce which keys changed. */
    changeSettings(patch: Partial<Settings>) {
      settings = { ...settings, ...patch }
      bus.emit('settings-changed', { settings, changed: Object.keys(patch) as (keyof Settings)[] })
    },
    setReminderDays(reminderDays: number[]) {
      world.changeSettings({ reminderDays })
    },
    /** Titles of the notifications shown so far, with the instant each was shown. */
    shown: () => notifier.shown.map((notification) => ({ title: notification.title, at: notification.at.toISOString() })),
    /** The app quits: every scheduler stops; the data folder stays. */
    closeSchedulers() {
      for (const scheduler of schedulers.splice(0)) scheduler.close()
    },
    cleanup() {
      world.closeSchedulers()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return world
}

export type ReminderWorld = ReturnType<typeof reminderWorld>

export const DAY = 86_400_000

export { useTimeZone } from '../../unit/reminders/time-zone'

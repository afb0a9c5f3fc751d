import { AppFailure } from '@shared/contract'
import type { CoreModule } from '../core-context'
import { buildCalendar } from '../services/calendar'
import type { EventBus } from '../services/event-bus'
import { applyStartAtLogin } from '../services/login-item'
import { isRemindable } from '../services/reminder-plan'
import { ReminderScheduler, type FiredReminder } from '../services/reminder-scheduler'
import { openReminderState } from '../services/reminder-state'
import { createTrayState, type TrayState } from '../services/tray-state'

/** What the app's tray (built by electron/main/index.ts) needs from the reminders. */
export interface RemindersController {
  trayState(): TrayState
  /** Called when the tray's level, tooltip or most urgent instance changes. */
  onTrayStateChange(listener: (state: TrayState) => void): () => void
  /** "Copy token": the active instance when it holds a stored token, else the stored token that expires first. */
  copyTarget(): string | null
  /** "Open Token Desk": the instance whose token card to show (the one expiring first), or null. */
  openTarget(): string | null
  /** "Check now": fires what is due; when nothing is, shows the tray's summary as a notification. */
  checkNow(): FiredReminder[]
}

const controllers = new WeakMap<EventBus, RemindersController>()

/** The reminders of the core that owns `bus` (the composition root has the bus, not the module's internals). */
export const remindersController = (bus: EventBus): RemindersController | undefined => controllers.get(bus)

/**
 * Renewal reminders: notifications at the reminder offsets and at expiry, the calendar file, the tray's state,
 * the wake-up re-check and "start at login".
 */
export const remindersModule: CoreModule = (context) => {
  const { bus, adapters, log } = context
  const state = openReminderState({
    dir: context.dataDir,
    now: context.now,
    onRecovered: ({ path, reason }) => log.warn({ path, reason }, 'reminder state was unreadable and was reset'),
  })
  const integrationNames = (instanceId: string) => context.directories.integrations.namesFor(instanceId)
  const tray = createTrayState(context)
  const scheduler = new ReminderScheduler({
    bus,
    tokens: context.tokens,
    instances: context.instances,
    settings: context.settings,
    integrationNames,
    notifier: adapters.notifier,
    state,
    now: context.now,
    log,
    onChecked: () => tray.refresh(),
  })
  const subscriptions: (() => void)[] = []
  // One login-item change at a time, in order: quick toggles must end in the last state asked for.
  let loginItemChanges: Promise<unknown> = Promise.resolve()
  const applyLoginItem = (enabled: boolean) => {
    loginItemChanges = loginItemChanges.then(() => applyStartAtLogin(adapters.loginItem, enabled, log))
  }

  const controller: RemindersController = {
    trayState: () => tray.current(),
    onTrayStateChange: (listener) => tray.onChange(listener),
    copyTarget() {
      const active = context.settings.get().activeInstanceId
      const stored = context.tokens.list().filter((token) => token.stored && isRemindable(token))
      if (active && stored.some((token) => token.instanceId === active)) return active
      return stored.sort((a, b) => Date.parse(a.expiresAt ?? '') - Date.parse(b.expiresAt ?? ''))[0]?.instanceId ?? null
    },
    openTarget: () => tray.current().instanceId,
    checkNow() {
      const fired = scheduler.checkAll()
      if (fired.length === 0) {
        const { tooltip, instanceId } = tray.refresh()
        adapters.notifier.show({
          title: tooltip,
          body: 'No reminder is due right now.',
          onClick: () => {
            if (instanceId) bus.emit('navigate', { instanceId, view: 'token' })
          },
        })
      }
      return fired
    },
  }
  controllers.set(bus, controller)

  return {
    handlers: {
      'token:calendar': async ({ instanceId }) => {
        const instance = context.instances.get(instanceId)
        if (!instance) throw new AppFailure('not_found', 'This instance does not exist.')
        const token = context.tokens.get(instanceId)
        if (!isRemindable(token)) throw new AppFailure('no_token', `${instance.name} has no API token yet, so there is nothing to put in a calendar.`)
        return buildCalendar({
          instanceName: instance.name,
          token,
          offsets: context.settings.get().reminderDays,
          integrationNames: integrationNames(instanceId),
          sequence: state.sequence(instanceId),
          now: context.now(),
        })
      },
    },
    start() {
      subscriptions.push(
        // Calendar events keep their UIDs; a higher SEQUENCE tells calendars the re-imported ones replace them.
        bus.on('token-changed', ({ instanceId }) => void state.bumpSequence(instanceId)),
        bus.on('instance-changed', () => void tray.refresh()),
        bus.on('settings-changed', ({ settings, changed }) => {
          if (changed.includes('startAtLogin')) applyLoginItem(settings.startAtLogin)
          tray.refresh()
        }),
        adapters.power.onResume(() => scheduler.checkAll()),
      )
      scheduler.start()
      applyLoginItem(context.settings.get().startAtLogin)
    },
    close() {
      for (const unsubscribe of subscriptions.splice(0)) unsubscribe()
      scheduler.close()
      controllers.delete(bus)
    },
  }
}

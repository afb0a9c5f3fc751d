import type { NotifierAdapter } from '../adapters/types'
import type { InstanceDirectory, Logger, SettingsReader, TokenDirectory } from '../core-context'
import type { EventBus } from './event-bus'
import { createWallClockTimer, type JobTimer } from './job-timer'
import { identityPrefix, isRemindable, planReminders, reminderMessage, type PlannedReminder, type RemindableToken } from './reminder-plan'
import type { ReminderState } from './reminder-state'

export type ReminderSchedulerOptions = {
  bus: EventBus
  tokens: TokenDirectory
  instances: InstanceDirectory
  settings: SettingsReader
  /** Names of the integrations that use an instance's token (read at fire time: the register changes). */
  integrationNames: (instanceId: string) => string[]
  notifier: NotifierAdapter
  state: ReminderState
  now: () => Date
  timer?: JobTimer
  log?: Logger
  /** Called after every check (start-up, daily, wake, a job firing, a token change), e.g. to refresh the tray. */
  onChecked?: () => void
}

export type ScheduledReminder = { instanceId: string } & PlannedReminder
export type FiredReminder = ScheduledReminder & { title: string; body: string }

/** A token's plan, kept while its identity, expiry and the offsets stay the same (re-checks are then cheap). */
type CachedPlan = { signature: string; plan: PlannedReminder[] }

/** Local midnight plus a minute after `now`: when the daily re-check runs (the tray's day count changes then). */
const nextDailyCheck = (now: Date) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 1)

/**
 * Renewal reminders. The agenda holds one job per instance and offset plus one at each expiry; one timer is
 * armed for the earliest of them only (40,000 armed timers would cost far more than the one the next reminder
 * needs). Jobs only wake the scheduler up: every decision is made by `check`, which
 * compares the injected clock with the plan and the persisted fired keys. So start-up catch-up, the daily
 * re-check and the wake-from-sleep re-check all fire what fell due — the most recent reminder only, once.
 */
export class ReminderScheduler {
  /** Instance → its pending reminders, soonest first. */
  private readonly jobs = new Map<string, PlannedReminder[]>()
  private readonly plans = new Map<string, CachedPlan>()
  private armed: { at: number; cancel: () => void } | null = null
  private readonly timer: JobTimer
  private readonly subscriptions: (() => void)[] = []
  private cancelDaily: () => void = () => {}
  private started = false

  constructor(private readonly options: ReminderSchedulerOptions) {
    this.timer = options.timer ?? createWallClockTimer()
  }

  /** Catch up on what fell due while the app was closed, schedule everything, and follow changes. */
  start(): FiredReminder[] {
    if (this.started) return []
    this.started = true
    const { bus } = this.options
    this.subscriptions.push(
      bus.on('token-changed', ({ instanceId }) => this.checkInstances([instanceId])),
      bus.on('instance-changed', ({ instanceId, change }) => {
        if (change === 'removed') this.forgetInstance(instanceId)
      }),
      bus.on('settings-changed', ({ changed }) => {
        if (changed.includes('reminderDays')) this.checkAll({ silent: true })
      }),
    )
    const fired = this.checkAll()
    // Forget fired keys of instances removed, or tokens replaced, while the app was closed.
    this.options.state.prune((instanceId) => {
      if (!this.options.instances.get(instanceId)) return null
      const token = this.options.tokens.get(instanceId)
      return isRemindable(token) ? identityPrefix(token) : undefined
    })
    this.scheduleDailyCheck()
    return fired
  }

  close(): void {
    this.started = false
    for (const unsubscribe of this.subscriptions.splice(0)) unsubscribe()
    this.jobs.clear()
    this.plans.clear()
    this.armed?.cancel()
    this.armed = null
    this.cancelDaily()
  }

  /**
   * Fires what is due and reschedules every token. `silent` marks due reminders as fired without a notification:
   * used when the offsets change, so adding "14 days" with 10 days left does not announce a reminder that
   * never was.
   */
  checkAll(options: { silent?: boolean } = {}): FiredReminder[] {
    const tokens = this.options.tokens.list().filter(isRemindable)
    const current = new Set(tokens.map((token) => token.instanceId))
    for (const instanceId of this.jobs.keys()) if (!current.has(instanceId)) this.cancelInstance(instanceId)
    const fired = this.check(tokens, options.silent ?? false)
    this.arm()
    this.options.onChecked?.()
    return fired
  }

  /** Re-reads the given instances' tokens, fires what is due and reschedules them (a token changed). */
  checkInstances(instanceIds: readonly string[]): FiredReminder[] {
    const tokens: RemindableToken[] = []
    for (const instanceId of instanceIds) {
      const token = this.options.tokens.get(instanceId)
      if (isRemindable(token)) tokens.push(token)
      else this.cancelInstance(instanceId)
    }
    const fired = this.check(tokens, false)
    for (const token of tokens) this.options.state.prune((instanceId) => (instanceId === token.instanceId ? identityPrefix(token) : undefined))
    this.arm()
    this.options.onChecked?.()
    return fired
  }

  /** Every pending job, soonest first. */
  scheduled(): ScheduledReminder[] {
    const all: ScheduledReminder[] = []
    for (const [instanceId, reminders] of this.jobs) for (const reminder of reminders) all.push({ instanceId, ...reminder })
    return all.sort((a, b) => a.at.getTime() - b.at.getTime())
  }

  private forgetInstance(instanceId: string): void {
    this.cancelInstance(instanceId)
    this.options.state.prune((id) => (id === instanceId ? null : undefined))
    this.arm()
    this.options.onChecked?.()
  }

  private check(tokens: readonly RemindableToken[], silent: boolean): FiredReminder[] {
    const { state, settings } = this.options
    const now = this.options.now()
    const offsets = settings.get().reminderDays
    const toFire: FiredReminder[] = []
    const firedKeys: string[] = []
    for (const token of tokens) {
      let latest: PlannedReminder | undefined
      const upcoming: PlannedReminder[] = []
      for (const reminder of this.planFor(token, offsets)) {
        if (state.isFired(reminder.key)) continue
        if (reminder.at.getTime() > now.getTime()) {
          upcoming.push(reminder)
        } else {
          firedKeys.push(reminder.key)
          latest = reminder
        }
      }
      if (latest) toFire.push({ instanceId: token.instanceId, ...latest, ...this.message(token, latest, now) })
      this.schedule(token.instanceId, upcoming)
    }
    // Recorded before anything is shown: a crash mid-way may lose a notification but never repeats one.
    state.markFired(firedKeys)
    if (silent) return []
    for (const reminder of toFire) this.announce(reminder)
    return toFire
  }

  private message(token: RemindableToken, reminder: PlannedReminder, now: Date) {
    const instanceName = this.options.instances.get(token.instanceId)?.name ?? token.instanceId
    return reminderMessage(reminder, {
      instanceName,
      expiresAt: new Date(token.expiresAt),
      now,
      integrationNames: this.options.integrationNames(token.instanceId),
    })
  }

  private announce(reminder: FiredReminder): void {
    const { bus, notifier, log } = this.options
    const { instanceId, kind, offsetDays, title, body } = reminder
    bus.emit('reminder-fired', { instanceId, offsetDays, kind, expiresAt: this.options.tokens.get(instanceId)?.expiresAt ?? '' })
    bus.emit('notice', { level: kind === 'expiry' ? 'error' : 'warning', message: title })
    try {
      notifier.show({ title, body, onClick: () => bus.emit('navigate', { instanceId, view: 'token' }) })
    } catch (error) {
      log?.warn({ err: error instanceof Error ? error.message : String(error), instanceId }, 'reminder notification could not be shown')
    }
  }

  private planFor(token: RemindableToken, offsets: readonly number[]): PlannedReminder[] {
    const signature = `${identityPrefix(token)}${token.expiresAt}|${offsets.join(',')}`
    const cached = this.plans.get(token.instanceId)
    if (cached?.signature === signature) return cached.plan
    const plan = planReminders(token, offsets)
    this.plans.set(token.instanceId, { signature, plan })
    return plan
  }

  private schedule(instanceId: string, reminders: PlannedReminder[]): void {
    if (reminders.length === 0) this.jobs.delete(instanceId)
    else this.jobs.set(instanceId, reminders)
  }

  private cancelInstance(instanceId: string): void {
    this.jobs.delete(instanceId)
    this.plans.delete(instanceId)
  }

  /** Points the one timer at the earliest pending reminder. */
  private arm(): void {
    let earliest = Infinity
    for (const reminders of this.jobs.values()) earliest = Math.min(earliest, reminders[0]?.at.getTime() ?? Infinity)
    if (this.armed?.at === earliest) return
    this.armed?.cancel()
    this.armed = null
    if (!this.started || earliest === Infinity) return
    const cancel = this.timer.at(this.onSystemClock(earliest), () => {
      this.armed = null
      this.wake()
    })
    // Refused (already past by the system clock): stay unarmed so the next check tries again.
    this.armed = cancel && { at: earliest, cancel }
  }

  /**
   * The timer waits by the system clock; the injected clock may run at an offset from it (the sandbox's
   * simulated date). Aim at the same distance from now on the system clock.
   */
  private onSystemClock(instant: number): Date {
    return new Date(Date.now() + (instant - this.options.now().getTime()))
  }

  /** The armed job ran: check the instances whose earliest reminder is due (this re-arms for the next one). */
  private wake(): void {
    const now = this.options.now().getTime()
    const due = [...this.jobs].filter(([, reminders]) => (reminders[0]?.at.getTime() ?? Infinity) <= now).map(([instanceId]) => instanceId)
    this.checkInstances(due)
  }

  private scheduleDailyCheck(): void {
    this.cancelDaily =
      this.timer.at(this.onSystemClock(nextDailyCheck(this.options.now()).getTime()), () => {
        this.checkAll()
        if (this.started) this.scheduleDailyCheck()
      }) ?? (() => {})
  }
}

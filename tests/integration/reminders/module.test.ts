import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Adapters } from '../../../electron/main/adapters/types'
import { createXdgAutostart } from '../../../electron/main/adapters/xdg-autostart'
import type { CoreContext } from '../../../electron/main/core-context'
import { createHandlerTable } from '../../../electron/main/ipc/handler-table'
import { remindersController, remindersModule } from '../../../electron/main/modules/reminders'
import type { TrayState } from '../../../electron/main/services/tray-state'
import { reminderWorld, useTimeZone, wakeablePower, type ReminderWorld } from './fixture'

useTimeZone('UTC')

const notHere = (what: string) => () => {
  throw new Error(`${what} is not used by the reminders module`)
}
const silentLog = { info() {}, warn() {}, error() {} }
const createdAt = '2027-01-10T12:00:00.000Z'
const expiresAt = '2028-01-10T12:00:00.000Z'

/** The reminders module on a real bus, data folder, handler table, Node notifier and XDG autostart folder. */
function moduleWorld(world: ReminderWorld) {
  const configHome = mkdtempSync(join(tmpdir(), 'token-desk-xdg-'))
  const loginItem = createXdgAutostart({ configHome, id: 'token-desk', name: 'Token Desk', exec: ['/opt/Token Desk/token-desk'] })
  const power = wakeablePower()
  const adapters: Adapters = {
    http: notHere('http'),
    clipboard: { writeSecret: notHere('clipboard'), readText: notHere('clipboard'), clear: notHere('clipboard') },
    shell: { openExternal: notHere('shell') },
    notifier: world.notifier,
    power,
    loginItem,
  }
  const context: CoreContext = {
    dataDir: world.dir,
    bus: world.bus,
    adapters,
    now: () => new Date(),
    log: silentLog,
    settings: world.settings,
    instances: world.instances,
    tokens: world.tokens,
    credentials: { sessionToken: notHere('credentials'), userToken: notHere('credentials') },
    tokenActions: { regenerate: notHere('token actions') },
    directories: { integrations: { namesFor: (id) => world.integrations.get(id) ?? [] } },
  }
  const module = remindersModule(context)
  const dispatch = createHandlerTable(module.handlers, (_channel, error) => {
    throw error
  })
  const call = (channel: string, payload: unknown) => dispatch(channel, payload, { host: 'preview' })
  return { module, call, power, loginItem, configHome, cleanup: () => rmSync(configHome, { recursive: true, force: true }) }
}

describe('reminders module', () => {
  let world: ReminderWorld
  let app: ReturnType<typeof moduleWorld>
  beforeEach(() => {
    world = reminderWorld()
    world.instances.add('inst-1', 'Demo Fire Rescue')
    world.integrations.set('inst-1', ['CAD bridge'])
    world.tokens.set('inst-1', { createdAt, expiresAt, hint: 'k9Qz' })
    app = moduleWorld(world)
  })
  afterEach(async () => {
    await app.module.close?.()
    world.cleanup()
    app.cleanup()
    vi.useRealTimers()
  })

  it('exports the calendar over token:calendar, with SEQUENCE raised by each token change', async () => {
    vi.useFakeTimers({ now: new Date('2027-02-01T00:00:00.000Z') })
    await app.module.start?.()
    const first = await app.call('token:calendar', { instanceId: 'inst-1' })
    if (!first.ok) throw new Error(first.error.message)
    const file = first.value as { filename: string; mimeType: string; text: string }
    expect(file.filename).toBe('token-desk-demo-fire-rescue-renewal.ics')
    const eventsOf = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')
    expect(eventsOf(file.text).map((event) => [event.getFirstPropertyValue('uid'), event.getFirstPropertyValue('sequence')])).toEqual([
      ['inst-1-renew-90d@token-desk', 0],
      ['inst-1-renew-30d@token-desk', 0],
      ['inst-1-renew-7d@token-desk', 0],
      ['inst-1-expiry@token-desk', 0],
    ])

    world.changeToken('inst-1', { createdAt: '2027-02-01T00:00:00.000Z', expiresAt: '2028-02-01T00:00:00.000Z', hint: 'Zz42' }, 'regenerated')
    const second = await app.call('token:calendar', { instanceId: 'inst-1' })
    if (!second.ok) throw new Error(second.error.message)
    const events = eventsOf((second.value as { text: string }).text)
    expect(events.map((event) => event.getFirstPropertyValue('sequence'))).toEqual([1, 1, 1, 1])
    expect(String(events[3]!.getFirstPropertyValue('description'))).toContain('- CAD bridge')
  })

  it('answers not_found and no_token plainly', async () => {
    await app.module.start?.()
    const missing = await app.call('token:calendar', { instanceId: 'nope' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    world.instances.add('inst-2', 'North County')
    const none = await app.call('token:calendar', { instanceId: 'inst-2' })
    expect(none).toEqual({ ok: false, error: { code: 'no_token', message: 'North County has no API token yet, so there is nothing to put in a calendar.' } })
  })

  it('catches up at start, re-checks on wake and keeps the tray state current', async () => {
    vi.useFakeTimers({ now: new Date('2027-10-20T12:00:00.000Z') })
    await app.module.start?.()
    expect(world.shown().map((shown) => shown.title)).toEqual(['Demo Fire Rescue: API token expires in 82 days (2028-01-10)'])
    const controller = remindersController(world.bus)!
    expect(controller.trayState()).toEqual({ level: 'expiring', tooltip: 'Token Desk — Demo Fire Rescue: expires in 82 days', instanceId: 'inst-1' })
    const heard: TrayState[] = []
    controller.onTrayStateChange((state) => heard.push(state))

    // Asleep across the 30-day reminder: the timers did not run; the wake-up re-check fires it.
    vi.setSystemTime(new Date('2027-12-12T07:00:00.000Z'))
    app.power.wake()
    expect(world.shown().at(-1)?.title).toBe('Demo Fire Rescue: API token expires in 29 days (2028-01-10)')
    expect(heard.at(-1)?.tooltip).toBe('Token Desk — Demo Fire Rescue: expires in 29 days')

    world.removeToken('inst-1')
    expect(heard.at(-1)).toEqual({ level: 'ok', tooltip: 'Token Desk — no API tokens yet', instanceId: null })
  })

  it('gives the tray its menu behaviour: copy target, open target, check now', async () => {
    vi.useFakeTimers({ now: new Date('2027-02-01T12:00:00.000Z') })
    world.instances.add('inst-2', 'North County')
    world.tokens.set('inst-2', { createdAt, expiresAt: '2027-06-01T12:00:00.000Z', hint: 'Nn11' })
    await app.module.start?.()
    const controller = remindersController(world.bus)!
    expect(controller.copyTarget()).toBe('inst-2')
    world.changeSettings({ activeInstanceId: 'inst-1' })
    expect(controller.copyTarget()).toBe('inst-1')
    world.tokens.set('inst-1', { createdAt, expiresAt, hint: 'k9Qz', stored: false })
    expect(controller.copyTarget()).toBe('inst-2')
    expect(controller.openTarget()).toBe('inst-2')

    expect(controller.checkNow()).toEqual([])
    const summary = world.notifier.shown.at(-1)!
    expect(summary.title).toBe('Token Desk — North County: expires in 120 days (+1 more)')
    summary.click()
    expect(world.events.filter((entry) => entry.event === 'navigate').map((entry) => entry.payload)).toEqual([{ instanceId: 'inst-2', view: 'token' }])
  })

  it('applies "Start Token Desk at login" at start and on every change', async () => {
    const desktopFile = join(app.configHome, 'autostart', 'token-desk.desktop')
    world.presetSettings({ startAtLogin: true })
    await app.module.start?.()
    await vi.waitFor(() => expect(existsSync(desktopFile) && readFileSync(desktopFile, 'utf8')).toContain('Exec="/opt/Token Desk/token-desk"'))
    world.changeSettings({ startAtLogin: false })
    await vi.waitFor(() => expect(existsSync(desktopFile)).toBe(false))
    // Quick toggles end in the last state asked for.
    world.changeSettings({ startAtLogin: true })
    world.changeSettings({ startAtLogin: false })
    world.changeSettings({ startAtLogin: true })
    await vi.waitFor(async () => expect(await app.loginItem.isEnabled()).toBe(true))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await app.loginItem.isEnabled()).toBe(true)
  })

  it('stops its jobs and its controller on close', async () => {
    await app.module.start?.()
    expect(remindersController(world.bus)).toBeDefined()
    await app.module.close?.()
    expect(remindersController(world.bus)).toBeUndefined()
  })
})

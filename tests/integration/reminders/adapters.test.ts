import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { createNodeNotifier } from '../../../electron/main/adapters/node-notifier'
import { createClockJumpPower } from '../../../electron/main/adapters/node-power'
import { createXdgAutostart } from '../../../electron/main/adapters/xdg-autostart'

describe('clock-jump power adapter', () => {
  afterEach(() => vi.useRealTimers())

  it('reports a wake-up when the wall clock jumps, and stays quiet while time runs normally', () => {
    vi.useFakeTimers({ now: new Date('2027-01-01T00:00:00.000Z') })
    const power = createClockJumpPower({ intervalMs: 60_000, toleranceMs: 120_000 })
    let wakes = 0
    const stop = power.onResume(() => wakes++)
    vi.advanceTimersByTime(30 * 60_000)
    expect(wakes).toBe(0)
    // Sleep for eight hours: the wall clock moves, the interval's own timer does not.
    vi.setSystemTime(Date.now() + 8 * 3_600_000)
    vi.advanceTimersByTime(60_000)
    expect(wakes).toBe(1)
    // The clock set back an hour counts too (a reminder may now lie in the future again).
    vi.setSystemTime(Date.now() - 3_600_000)
    vi.advanceTimersByTime(60_000)
    expect(wakes).toBe(2)
    stop()
    vi.setSystemTime(Date.now() + 8 * 3_600_000)
    vi.advanceTimersByTime(5 * 60_000)
    expect(wakes).toBe(2)
  })
})

describe('XDG autostart adapter', () => {
  const configHome = mkdtempSync(join(tmpdir(), 'token-desk-xdg-'))
  afterEach(() => rmSync(join(configHome, 'autostart'), { recursive: true, force: true }))
  afterAll(() => rmSync(configHome, { recursive: true, force: true }))

  it('creates a readable entry in autostart/ and removes it again', async () => {
    const autostart = createXdgAutostart({ configHome, id: 'test.demo.tokendesk', name: 'Token Desk', exec: ['/usr/bin/token-desk'] })
    expect(await autostart.isEnabled()).toBe(false)
    await autostart.setEnabled(true)
    expect(autostart.path).toBe(join(configHome, 'autostart', 'test.demo.tokendesk.desktop'))
    expect(statSync(autostart.path).mode & 0o777).toBe(0o644)
    expect(readFileSync(autostart.path, 'utf8')).toMatch(/^\[Desktop Entry\]\n[\s\S]*^Exec=\/usr\/bin\/token-desk$/m)
    expect(await autostart.isEnabled()).toBe(true)
    await autostart.setEnabled(false)
    expect(await autostart.isEnabled()).toBe(false)
    await autostart.setEnabled(false)
  })

  it('treats an entry switched off by the desktop settings as disabled', async () => {
    const autostart = createXdgAutostart({ configHome, id: 'token-desk', name: 'Token Desk', exec: ['/usr/bin/token-desk'] })
    mkdirSync(join(configHome, 'autostart'), { recursive: true })
    writeFileSync(autostart.path, '[Desktop Entry]\nType=Application\nExec=/usr/bin/token-desk\nHidden=true\n')
    expect(await autostart.isEnabled()).toBe(false)
    writeFileSync(autostart.path, '[Desktop Entry]\nType=Application\nExec=/usr/bin/token-desk\nX-GNOME-Autostart-enabled=false\n')
    expect(await autostart.isEnabled()).toBe(false)
  })
})

describe('Node notifier', () => {
  it('keeps the latest hundred notifications and performs the click action', () => {
    const forwarded: string[] = []
    const notifier = createNodeNotifier({ onShow: (notification) => forwarded.push(notification.title) })
    let clicks = 0
    for (let index = 0; index < 105; index++) notifier.show({ title: `n${index}`, body: '', onClick: () => clicks++ })
    expect(notifier.shown).toHaveLength(100)
    expect(notifier.shown[0]?.title).toBe('n5')
    expect(forwarded).toHaveLength(105)
    notifier.shown[0]?.click()
    expect(clicks).toBe(1)
  })
})

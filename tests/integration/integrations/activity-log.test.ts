import { appendFileSync, readFileSync, statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { ActivityLog } from '../../../electron/main/services/activity-log'
import { EventBus } from '../../../electron/main/services/event-bus'
import { collect, manualClock, tempDir } from './fixtures'

let cleanup = () => {}
afterEach(() => cleanup())

function logFixture(maxEntries?: number) {
  const temp = tempDir()
  cleanup = temp.cleanup
  const bus = new EventBus()
  const clock = manualClock()
  let counter = 0
  const open = (onSkipped?: (count: number) => void) =>
    new ActivityLog({
      dir: temp.dir,
      bus,
      now: clock.now,
      maxEntries,
      newId: () => `entry-${++counter}`,
      onSkipped,
    })
  return { dir: temp.dir, bus, clock, log: open(), open }
}

const lineCount = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean).length

describe('activity log', () => {
  it('appends JSON lines to a 0600 file, announces each entry, and lists newest first', () => {
    const { log, bus, clock, open } = logFixture()
    const appended = collect(bus, 'activity-appended')
    log.append({
      type: 'token.generated',
      instanceId: 'inst-a',
      summary: 'Token generated',
      details: { hint: 'x9Qz' },
    })
    clock.advance(1000)
    log.append({ type: 'token.copied', instanceId: 'inst-a', summary: 'Copied token to clipboard' })
    expect(statSync(log.path).mode & 0o777).toBe(0o600)
    expect(lineCount(log.path)).toBe(2)
    expect(log.list().map((entry) => entry.summary)).toEqual(['Copied token to clipboard', 'Token generated'])
    expect(appended).toEqual([
      {
        id: 'entry-1',
        at: '2026-12-03T10:00:00.000Z',
        type: 'token.generated',
        instanceId: 'inst-a',
        summary: 'Token generated',
      },
      {
        id: 'entry-2',
        at: '2026-12-03T10:00:01.000Z',
        type: 'token.copied',
        instanceId: 'inst-a',
        summary: 'Copied token to clipboard',
      },
    ])
    expect(open().list()).toEqual(log.list())
    expect(open().list()[1]!.details).toEqual({ hint: 'x9Qz' })
  })

  it('filters by instance and type, and limits', () => {
    const { log } = logFixture()
    log.append({ type: 'token.generated', instanceId: 'inst-a', summary: 'a1' })
    log.append({ type: 'token.copied', instanceId: 'inst-b', summary: 'b1' })
    log.append({ type: 'token.copied', instanceId: 'inst-a', summary: 'a2' })
    log.append({ type: 'settings.changed', instanceId: null, summary: 'global' })
    expect(log.list({ instanceId: 'inst-a' }).map((entry) => entry.summary)).toEqual(['a2', 'a1'])
    expect(log.list({ type: 'token.copied' }).map((entry) => entry.summary)).toEqual(['a2', 'b1'])
    expect(log.list({ type: 'token.copied', instanceId: 'inst-b' }).map((entry) => entry.summary)).toEqual([
      'b1',
    ])
    expect(log.list({ limit: 2 }).map((entry) => entry.summary)).toEqual(['global', 'a2'])
  })

  it('hides anything token-like that reaches a summary or a detail', () => {
    const { log } = logFixture()
    log.append({
      type: 'token.compromise_reported',
      instanceId: 'inst-a',
      summary: 'posted fdt_abcdefghijklmnop1234 in chat',
      details: { note: 'fdt_qwerty' },
    })
    expect(readFileSync(log.path, 'utf8')).not.toContain('fdt_')
  })

  it('skips a line cut short by a crash and keeps the rest', () => {
    const { log, open } = logFixture()
    log.append({ type: 'token.generated', instanceId: 'inst-a', summary: 'kept' })
    appendFileSync(log.path, '{"id":"half","at":"2026-12-0')
    const skipped: number[] = []
    const reopened = open((count) => skipped.push(count))
    expect(skipped).toEqual([1])
    expect(reopened.list().map((entry) => entry.summary)).toEqual(['kept'])
    reopened.append({ type: 'token.copied', instanceId: 'inst-a', summary: 'after' })
    expect(
      open()
        .list()
        .map((entry) => entry.summary),
    ).toEqual(['after', 'kept'])
  })

  it('rotates past 10,000 entries, keeping the newest, on disk as well', () => {
    const { log, open } = logFixture()
    const total = 11_500
    for (let n = 1; n <= total; n += 1)
      log.append({ type: 'token.copied', instanceId: n % 2 ? 'inst-a' : 'inst-b', summary: `entry ${n}` })
    const listed = log.list({ limit: 10_000 })
    expect(listed).toHaveLength(10_000)
    expect(listed[0]!.summary).toBe(`entry ${total}`)
    expect(listed.at(-1)!.summary).toBe(`entry ${total - 9_999}`)
    expect(lineCount(log.path)).toBeLessThanOrEqual(11_000)
    expect(lineCount(log.path)).toBeGreaterThanOrEqual(10_000)
    const reopened = open().list()
    expect(reopened).toHaveLength(10_000)
    expect(reopened[0]!.summary).toBe(`entry ${total}`)
    expect(reopened.at(-1)!.summary).toBe(`entry ${total - 9_999}`)
    expect(statSync(log.path).mode & 0o777).toBe(0o600)
  })
})

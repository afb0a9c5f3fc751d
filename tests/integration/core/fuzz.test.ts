import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channels, errorCodes, type Channel } from '@shared/contract'
import { removeDir, startCore, tempDir, value, type TestCore } from './helpers'

const PER_CHANNEL = 1_000

/** mulberry32: a seeded generator, so a failure names a payload that can be replayed. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function payloads(seed: number, knownKeys: string[], ids: string[]) {
  const next = random(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const strings = [
    '',
    ' ',
    'a',
    'x'.repeat(5_000),
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    '\u0000\uffff\ud800',
    '🔥'.repeat(50),
    'api@demo.test',
    '2030-01-01T00:00:00Z',
    'not-a-date',
    'https://acme.firstdue.com/fd-api/v1',
    'http://127.0.0.1:1/fd-api/v1',
    'fdt_aaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    'csv',
    'json',
    'admin',
    'dark',
    'token-service',
    'first-due',
    'production',
    ...ids,
  ]
  const scalar = (): unknown =>
    pick([
      () => undefined,
      () => null,
      () => next() < 0.5,
      () => Math.floor(next() * 2_000) - 1_000,
      () => pick([0, -0, NaN, Infinity, -Infinity, 2 ** 53, 1e308, 5, 30, 600, 0.5]),
      () => pick(strings),
      () => String.fromCharCode(...Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 0xffff))),
      () => BigInt(Math.floor(next() * 100)),
      () => new Date(Math.floor(next() * 4e12)),
    ])()
  const valueOf = (depth: number): unknown => {
    const roll = next()
    if (depth > 3 || roll < 0.55) return scalar()
    if (roll < 0.7) return Array.from({ length: Math.floor(next() * 5) }, () => valueOf(depth + 1))
    return objectOf(depth + 1)
  }
  const objectOf = (depth: number): Record<string, unknown> => {
    const object: Record<string, unknown> = {}
    const count = Math.floor(next() * 5)
    for (let i = 0; i < count; i += 1) {
      const key = next() < 0.75 && knownKeys.length > 0 ? pick(knownKeys) : pick(['__proto__', 'constructor', 'prototype', 'toString', 'extra', ''])
      Object.defineProperty(object, key, { value: valueOf(depth), enumerable: true, configurable: true, writable: true })
    }
    return object
  }
  return Array.from({ length: PER_CHANNEL }, () => (next() < 0.8 ? objectOf(0) : valueOf(0)))
}

const keysOf = (channel: Channel): string[] => {
  const schema = channels[channel].request as unknown as { shape?: Record<string, unknown> }
  return schema.shape ? Object.keys(schema.shape) : []
}

describe(`${PER_CHANNEL} random and malformed payloads per channel`, () => {
  const dataDir = tempDir()
  let core: TestCore
  let sandboxId = ''

  beforeAll(async () => {
    // Every module the app registers, so the whole handler table is exercised.
    core = await startCore({ dataDir, modules: undefined })
    sandboxId = value(await core.call('instances:list'))[0]!.id
  })
  afterAll(async () => {
    await core?.close()
    removeDir(dataDir)
  })

  const names = Object.keys(channels) as Channel[]
  it.each(names.map((name, index) => [name, index]))('%s: never a crash; every schema failure is invalid_request', async (name, index) => {
    // Removing or changing the sandbox itself would only starve the other channels of a target.
    const ids = name.startsWith('instances:') ? ['no-such-instance'] : [sandboxId, 'no-such-instance']
    let schemaFailures = 0
    for (const payload of payloads(1_000 + Number(index), keysOf(name), ids)) {
      const result = await core.dispatch(name, payload, { host: 'preview' })
      expect(typeof result.ok).toBe('boolean')
      if (result.ok) continue
      expect(errorCodes).toContain(result.error.code)
      expect(result.error.code, `internal error for ${name}`).not.toBe('internal')
      expect(result.error.message).not.toMatch(/\n\s+at /)
      const parsed = channels[name].request.safeParse(payload ?? {})
      if (!parsed.success) {
        schemaFailures += 1
        expect(result.error.code).toBe('invalid_request')
      }
    }
    expect(schemaFailures).toBeGreaterThan(PER_CHANNEL / 2)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('the app handles every channel of the contract (none answers unsupported)', async () => {
    const unhandled: string[] = []
    for (const name of names) {
      const result = await core.dispatch(name, {}, { host: 'preview' })
      const missing = !result.ok && result.error.code === 'unsupported' && result.error.message.includes('not available in this build')
      if (missing) unhandled.push(name)
    }
    expect(unhandled).toEqual([])
  })

  it('unknown channels are invalid_request too', async () => {
    for (const channel of ['', 'token:', '__proto__', 'constructor', 'toString', 'token:status\u0000', 'x'.repeat(10_000)]) {
      const result = await core.dispatch(channel, {}, { host: 'preview' })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
    }
  })
})

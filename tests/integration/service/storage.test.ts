// What is on disk: only hashes, everything kept across restarts, one service per file.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTokenService, DatabaseInUseError } from '../../../service/app'
import { call, DEMO_PASSWORD, startService, tempDir } from './harness'

/** Every file of the database (main file, WAL, anything else SQLite left), as one buffer. */
const databaseBytes = (dir: string): Buffer =>
  Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))))

describe('token service: storage', () => {
  let dir: ReturnType<typeof tempDir>
  beforeEach(() => {
    dir = tempDir()
  })
  afterEach(() => dir.remove())

  it('keeps no issued token, session or password in plain text — in the file or its WAL', async () => {
    const svc = await startService({ dir: dir.path })
    const secrets: string[] = []
    for (const user of ['admin', 'api'] as const) {
      const session = await svc.signIn(user)
      secrets.push(session)
      const token = await svc.generate(session)
      secrets.push(token, (await svc.call('POST', '/user-token/regenerate', { token: session })).json.token)
      await svc.call('GET', '/me', { token })
    }
    const signedOut = await svc.signIn('crew')
    secrets.push(signedOut)
    await svc.call('DELETE', '/auth/token', { token: signedOut })
    const check = (bytes: Buffer) => {
      expect(bytes.length).toBeGreaterThan(0)
      for (const secret of [...secrets, DEMO_PASSWORD]) {
        expect(bytes.includes(secret)).toBe(false)
        expect(bytes.includes(secret.slice(4))).toBe(false) // not even without the fdt_/fds_ prefix
      }
    }
    // While running, the WAL holds the recent writes; after close they are in the main file.
    expect(readdirSync(dir.path).some((name) => name.endsWith('-wal'))).toBe(true)
    check(databaseBytes(dir.path))
    await svc.stop()
    check(databaseBytes(dir.path))
  })

  it('a restart on the same file keeps users, tokens, last_used_at, sessions and events', async () => {
    const first = await startService({ dir: dir.path })
    const admin = await first.signIn('admin')
    const apiSession = await first.signIn('api')
    const token = await first.generate(apiSession)
    first.time.advance(90_000)
    await first.call('GET', '/stations', { token }) // last_used_at only in memory until close
    await first.call('PATCH', '/users/3', { token: admin, body: { api_access_enabled: true } })
    const statusBefore = (await first.call('GET', '/user-token', { token: apiSession })).json
    const usersBefore = (await first.call('GET', '/users', { token: admin })).json
    const eventsBefore = (await first.call('GET', '/audit/events?limit=500', { token: admin })).json
    expect(statusBefore.last_used_at).toBe('2026-03-10T12:01:30.000Z')
    await first.service.close()

    // Same file, same clock; seeding again is a no-op.
    const second = await startService({ dir: dir.path, start: '2026-03-10T12:05:00.000Z' })
    try {
      expect((await second.call('GET', '/user-token', { token: apiSession })).json).toEqual(statusBefore)
      expect((await second.call('GET', '/users', { token: admin })).json).toEqual(usersBefore)
      expect((await second.call('GET', '/audit/events?limit=500', { token: admin })).json).toEqual(
        eventsBefore,
      )
      expect((await second.call('GET', '/stations', { token })).status).toBe(200)
      expect((await second.call('GET', '/dispatches?page=3', { token })).json).toHaveLength(5)
      expect(await second.signIn('crew')).toMatch(/^fds_/)
    } finally {
      await second.stop()
    }
  })

  it('a restart keeps the demo password it is given, and a different one replaces it for every demo user', async () => {
    const signIn = (base: string, email: string, password: string) =>
      call(base, 'POST', '/auth/token', { body: { grant_type: 'client_credentials', email, password } })
    const first = await startService({ dir: dir.path, seed: 'demo', demoPassword: 'first-password' })
    await first.service.close()

    const same = await startService({ dir: dir.path, seed: 'demo', demoPassword: 'first-password' })
    expect((await signIn(same.base, 'crew@demo.test', 'first-password')).status).toBe(200)
    await same.service.close()

    const changed = await startService({ dir: dir.path, seed: 'demo', demoPassword: 'second-password' })
    try {
      for (const email of ['admin@demo.test', 'api@demo.test', 'crew@demo.test']) {
        expect((await signIn(changed.base, email, 'second-password')).status).toBe(200)
        expect((await signIn(changed.base, email, 'first-password')).status).toBe(401)
      }
    } finally {
      await changed.stop()
    }
  })

  it('keepDemoPassword: a restart leaves the passwords unhashed and unchanged; setDemoPassword replaces them', async () => {
    const signIn = (base: string, email: string, password: string) =>
      call(base, 'POST', '/auth/token', { body: { grant_type: 'client_credentials', email, password } })
    // A fresh seed still gets a password, given or generated, even when asked to keep one.
    const first = await startService({ dir: dir.path, seed: 'demo', demoPassword: 'first-password', keepDemoPassword: true })
    expect(first.service.demoPassword).toBe('first-password')
    await first.service.close()

    const kept = await startService({ dir: dir.path, seed: 'demo', demoPassword: 'ignored-password', keepDemoPassword: true })
    try {
      expect(kept.service.demoPassword).toBeNull()
      expect((await signIn(kept.base, 'api@demo.test', 'first-password')).status).toBe(200)
      expect((await signIn(kept.base, 'api@demo.test', 'ignored-password')).status).toBe(401)
      kept.service.setDemoPassword('renewed-password')
      expect(kept.service.demoPassword).toBe('renewed-password')
      for (const email of ['admin@demo.test', 'api@demo.test', 'crew@demo.test']) {
        expect((await signIn(kept.base, email, 'renewed-password')).status).toBe(200)
      }
      expect((await signIn(kept.base, 'crew@demo.test', 'first-password')).status).toBe(401)
    } finally {
      await kept.stop()
    }
  })

  it('writes last_used_at behind the call: on disk within 5 s of the use, while the service runs', async () => {
    const svc = await startService({ dir: dir.path })
    try {
      const token = await svc.generate(await svc.signIn('api'))
      svc.time.set('2026-03-10T12:34:07.123Z') // an instant nothing else is written at
      expect((await svc.call('GET', '/stations', { token })).status).toBe(200)
      // (Not asserted absent right after the call: the 5 s timer may tick in between.)
      const mark = Buffer.from('2026-03-10T12:34:07.123Z')
      const deadline = Date.now() + 10_000
      while (!databaseBytes(dir.path).includes(mark) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      expect(databaseBytes(dir.path).includes(mark)).toBe(true)
    } finally {
      await svc.stop()
    }
  })

  it('refuses a second service on the same file with a clear error, and allows it once the first closes', async () => {
    const dbPath = join(dir.path, 'owned.db')
    const first = createTokenService({ dbPath, seed: 'demo', demoPassword: DEMO_PASSWORD })
    expect(() => createTokenService({ dbPath })).toThrow(DatabaseInUseError)
    expect(() => createTokenService({ dbPath })).toThrow(/already in use by another token service/)
    await first.close()
    const second = createTokenService({ dbPath })
    await second.listen()
    expect(second.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(second.baseUrl).toBe(`${second.origin}/fd-api/v1`)
    await second.close()
    await second.close() // idempotent
    expect(second.origin).toBeNull()
  })

  it('generates a demo password when none is given and exposes it only on the object', async () => {
    const lines: string[] = []
    const logStream = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) })
    const service = createTokenService({
      dbPath: join(dir.path, 'gen.db'),
      seed: 'demo',
      logger: true,
      logStream,
    })
    try {
      expect(service.demoPassword).toMatch(/^[A-Za-z0-9_-]{16}$/)
      const base = (await service.listen()) + '/fd-api/v1'
      const signIn = await fetch(`${base}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          grant_type: 'client_credentials',
          email: 'api@demo.test',
          password: service.demoPassword,
        }),
      })
      const session = ((await signIn.json()) as { access_token: string }).access_token
      const issued = (await (
        await fetch(`${base}/user-token`, { method: 'POST', headers: { authorization: `Bearer ${session}` } })
      ).json()) as { token: string }
      await fetch(`${base}/stations`, { headers: { authorization: `Bearer ${issued.token}` } })
      await fetch(`${base}/me`, { headers: { authorization: `Bearer ${issued.token}x` } })
      const logs = lines.join('')
      expect(logs).toContain('request completed') // the logger is on…
      for (const secret of [service.demoPassword as string, session, issued.token])
        expect(logs).not.toContain(secret) // …and never writes a secret
    } finally {
      await service.close()
    }
  })

  it('runs on an in-memory database (:memory:) without touching the disk', async () => {
    const svc = await startService({ dbPath: ':memory:' })
    try {
      const token = await svc.generate(await svc.signIn('api'))
      expect((await svc.call('GET', '/stations', { token })).status).toBe(200)
    } finally {
      await svc.stop()
    }
    expect(readdirSync(process.cwd()).includes(':memory:')).toBe(false)
  })

  it('with no seed, a fresh database has no users and no demo password', async () => {
    const svc = await startService({ dir: dir.path, seed: null })
    try {
      expect(svc.service.demoPassword).toBeNull()
      const reply = await svc.call('POST', '/auth/token', {
        body: { grant_type: 'client_credentials', email: 'admin@demo.test', password: DEMO_PASSWORD },
      })
      expect(reply.json.code).toBe('invalid_credentials')
      expect((await svc.call('GET', '/endpoints')).json).toHaveLength(4)
    } finally {
      await svc.stop()
    }
  })
})

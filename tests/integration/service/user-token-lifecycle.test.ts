import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startService, type Running } from './harness'

const DAY = 86_400_000

describe('token service: the user token lifecycle', () => {
  let svc: Running
  beforeEach(async () => {
    svc = await startService({ start: '2028-02-29T10:00:00.000Z' })
  })
  afterEach(async () => svc.stop())

  it('generates a token once (201, fdt_ prefix, hint, one-year expiry from 29 February to 28 February)', async () => {
    const session = await svc.signIn('api')
    expect((await svc.call('GET', '/user-token', { token: session })).json).toEqual({
      status: 'none',
      created_at: null,
      expires_at: null,
      last_used_at: null,
      hint: null,
    })
    const issued = await svc.call('POST', '/user-token', { token: session })
    expect(issued.status).toBe(201)
    expect(issued.json.token).toMatch(/^fdt_[A-Za-z0-9_-]{43,}$/)
    expect(issued.json).toMatchObject({
      status: 'active',
      created_at: '2028-02-29T10:00:00.000Z',
      expires_at: '2029-02-28T10:00:00.000Z',
      hint: issued.json.token.slice(-4),
    })
    const second = await svc.call('POST', '/user-token', { token: session })
    expect([second.status, second.json.code]).toEqual([409, 'token_exists'])
  })

  it('reports active until the expiry instant, then expired; the expired token answers token_expired', async () => {
    const session = await svc.signIn('api')
    const token = await svc.generate(session)
    svc.time.set('2029-02-28T09:59:59.999Z')
    const fresh = await svc.signIn('api')
    expect((await svc.call('GET', '/user-token', { token: fresh })).json.status).toBe('active')
    expect((await svc.call('GET', '/me', { token })).status).toBe(200)

    svc.time.set('2029-02-28T10:00:00.000Z')
    expect((await svc.call('GET', '/user-token', { token: fresh })).json.status).toBe('expired')
    const rejected = await svc.call('GET', '/stations', { token })
    expect(rejected.status).toBe(401)
    expect(rejected.json).toMatchObject({ code: 'token_expired', expired_at: '2029-02-28T10:00:00.000Z' })
    // An expired token still counts as "a token": generate refuses, regenerate replaces it.
    expect((await svc.call('POST', '/user-token', { token: fresh })).json.code).toBe('token_exists')
    const renewed = await svc.call('POST', '/user-token/regenerate', { token: fresh })
    expect(renewed.status).toBe(201)
    expect(renewed.json.expires_at).toBe('2030-02-28T10:00:00.000Z')
    expect((await svc.call('GET', '/stations', { token: renewed.json.token })).status).toBe(200)
    expect((await svc.call('GET', '/stations', { token })).json.code).toBe('token_invalid')
  })

  it('regenerate rejects the previous token at once and returns a different one', async () => {
    const session = await svc.signIn('api')
    const first = await svc.generate(session)
    expect((await svc.call('GET', '/stations', { token: first })).status).toBe(200) // now cached
    const second = await svc.call('POST', '/user-token/regenerate', { token: session })
    expect(second.status).toBe(201)
    expect(second.json.token).not.toBe(first)
    const old = await svc.call('GET', '/stations', { token: first })
    expect([old.status, old.json.code]).toEqual([401, 'token_invalid'])
    expect((await svc.call('GET', '/stations', { token: second.json.token })).status).toBe(200)
    svc.time.advance(400 * DAY) // revoked stays token_invalid, even once it would have expired
    expect((await svc.call('GET', '/stations', { token: first })).json.code).toBe('token_invalid')
  })

  it('regenerate and remove answer 404 no_token when there is no token', async () => {
    const session = await svc.signIn('admin')
    const regenerate = await svc.call('POST', '/user-token/regenerate', { token: session })
    expect([regenerate.status, regenerate.json.code]).toEqual([404, 'no_token'])
    const remove = await svc.call('DELETE', '/user-token', { token: session })
    expect([remove.status, remove.json.code]).toEqual([404, 'no_token'])
  })

  it('remove revokes the token (status none, token_invalid) and a new one can be generated', async () => {
    const session = await svc.signIn('api')
    const token = await svc.generate(session)
    await svc.call('GET', '/me', { token })
    const removed = await svc.call('DELETE', '/user-token', { token: session })
    expect([removed.status, removed.text]).toEqual([204, ''])
    expect((await svc.call('GET', '/me', { token })).json.code).toBe('token_invalid')
    expect((await svc.call('GET', '/user-token', { token: session })).json.status).toBe('none')
    expect((await svc.call('POST', '/user-token', { token: session })).status).toBe(201)
  })

  it('last_used_at follows every successful call made with the token, and only those', async () => {
    const session = await svc.signIn('api')
    const token = await svc.generate(session)
    const lastUsed = async () => (await svc.call('GET', '/user-token', { token: session })).json.last_used_at
    expect(await lastUsed()).toBeNull()
    svc.time.advance(60_000)
    expect((await svc.call('GET', '/personnel', { token })).status).toBe(200)
    expect(await lastUsed()).toBe('2028-02-29T10:01:00.000Z')
    svc.time.advance(60_000)
    expect((await svc.call('GET', '/fire-incidents', { token })).status).toBe(403) // not a successful call
    expect((await svc.call('GET', '/user-token', { token })).status).toBe(403)
    expect(await lastUsed()).toBe('2028-02-29T10:01:00.000Z')
    expect((await svc.call('GET', '/me', { token })).status).toBe(200)
    expect(await lastUsed()).toBe('2028-02-29T10:02:00.000Z')
    // Using the session does not count as using the token.
    svc.time.advance(60_000)
    await svc.call('GET', '/personnel', { token: session })
    expect(await lastUsed()).toBe('2028-02-29T10:02:00.000Z')
  })

  it('a user without API access can sign in and use a session, but cannot generate (api_access_disabled)', async () => {
    const session = await svc.signIn('crew')
    const me = await svc.call('GET', '/me', { token: session })
    expect(me.json).toMatchObject({
      email: 'crew@demo.test',
      api_access_enabled: false,
      permissions: ['personnel.read'],
    })
    expect((await svc.call('GET', '/personnel', { token: session })).status).toBe(200)
    const generate = await svc.call('POST', '/user-token', { token: session })
    expect([generate.status, generate.json.code]).toEqual([403, 'api_access_disabled'])
  })

  it('a user token cannot manage tokens (session_required) and needs the permission object for data', async () => {
    const session = await svc.signIn('api')
    const token = await svc.generate(session)
    for (const [method, path] of [
      ['GET', '/user-token'],
      ['POST', '/user-token'],
      ['POST', '/user-token/regenerate'],
      ['DELETE', '/user-token'],
    ]) {
      const reply = await svc.call(method as string, path as string, { token })
      expect([reply.status, reply.json.code]).toEqual([403, 'session_required'])
    }
    const denied = await svc.call('GET', '/fire-incidents', { token })
    expect(denied.status).toBe(403)
    expect(denied.json).toMatchObject({
      code: 'permission_denied',
      required_permission: 'fire_incidents.read',
    })
    expect((await svc.call('GET', '/me', { token })).json).toMatchObject({
      email: 'api@demo.test',
      role: { name: 'API Integration' },
      permissions: ['api_token.generate', 'dispatches.read', 'personnel.read', 'stations.read'],
    })
  })
})

describe('token service: --now', () => {
  it('starts the clock at the given instant and lets it run in real time', async () => {
    const svc = await startService({ clock: undefined, now: '2031-07-01T00:00:00.000Z' })
    try {
      const issued = await svc.call('POST', '/user-token', { token: await svc.signIn('api') })
      const createdAt = Date.parse(issued.json.created_at)
      expect(createdAt).toBeGreaterThanOrEqual(Date.parse('2031-07-01T00:00:00.000Z'))
      expect(createdAt).toBeLessThan(Date.parse('2031-07-01T00:10:00.000Z'))
      expect(issued.json.expires_at.slice(0, 10)).toBe('2032-07-01')
    } finally {
      await svc.stop()
    }
  })
})

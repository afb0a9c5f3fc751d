import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, startService, type Running } from './harness'

const signInBody = (email: string, password: string) => ({
  grant_type: 'client_credentials',
  email,
  password,
})

describe('token service: sessions', () => {
  let svc: Running
  beforeEach(async () => {
    svc = await startService()
  })
  afterEach(async () => svc.stop())

  it('signs in with the OAuth-style body and returns a 14-day Bearer session', async () => {
    const reply = await svc.call('POST', '/auth/token', { body: signInBody('api@demo.test', DEMO_PASSWORD) })
    expect(reply.status).toBe(200)
    expect(reply.json).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 1209600,
    })
    expect((await svc.call('GET', '/me', { token: reply.json.access_token })).json.email).toBe(
      'api@demo.test',
    )
  })

  it('treats the email case-insensitively', async () => {
    const reply = await svc.call('POST', '/auth/token', { body: signInBody('API@Demo.Test', DEMO_PASSWORD) })
    expect(reply.status).toBe(200)
  })

  it('answers invalid_credentials for a wrong password or an unknown email, and audits auth.failed', async () => {
    const wrong = await svc.call('POST', '/auth/token', { body: signInBody('api@demo.test', 'nope') })
    expect([wrong.status, wrong.json.code]).toEqual([401, 'invalid_credentials'])
    const unknown = await svc.call('POST', '/auth/token', {
      body: signInBody('ghost@demo.test', DEMO_PASSWORD),
    })
    expect([unknown.status, unknown.json.code]).toEqual([401, 'invalid_credentials'])
    const events = await svc.call('GET', '/audit/events?limit=2', { token: await svc.signIn('admin') })
    // Newest first: the admin's own sign-in, then the unknown email's failure.
    expect(events.json.map((event: { type: string }) => event.type)).toEqual([
      'auth.signed_in',
      'auth.failed',
    ])
    expect(events.json[1]).toMatchObject({ actor_id: null, subject_id: null })
  })

  it('sign-out rejects that session from then on (token_invalid) and leaves other sessions alone', async () => {
    const first = await svc.signIn('api')
    const second = await svc.signIn('api')
    await svc.call('GET', '/me', { token: first }) // cached before sign-out
    const out = await svc.call('DELETE', '/auth/token', { token: first })
    expect([out.status, out.text]).toEqual([204, ''])
    expect((await svc.call('GET', '/me', { token: first })).json.code).toBe('token_invalid')
    expect((await svc.call('DELETE', '/auth/token', { token: first })).json.code).toBe('token_invalid')
    expect((await svc.call('GET', '/me', { token: second })).status).toBe(200)
  })

  it('a session expires after 14 days (token_expired with expired_at)', async () => {
    const session = await svc.signIn('api')
    svc.time.advance(14 * 86_400_000 - 1)
    expect((await svc.call('GET', '/me', { token: session })).status).toBe(200)
    svc.time.advance(1)
    const expired = await svc.call('GET', '/me', { token: session })
    expect(expired.status).toBe(401)
    expect(expired.json).toEqual({
      code: 'token_expired',
      message: expect.any(String),
      expired_at: '2026-03-24T12:00:00.000Z',
    })
  })

  it('locks sign-in after 5 failures within 60 s: 429 with Retry-After, even for the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        (await svc.call('POST', '/auth/token', { body: signInBody('api@demo.test', `wrong-${attempt}`) }))
          .status,
      ).toBe(401)
      svc.time.advance(1_000)
    }
    // Failures at t=0…4 s; now t=5 s: the oldest leaves the window at t=60 s.
    const locked = await svc.call('POST', '/auth/token', { body: signInBody('api@demo.test', DEMO_PASSWORD) })
    expect([locked.status, locked.json.code, locked.headers.get('retry-after')]).toEqual([
      429,
      'rate_limited',
      '55',
    ])
    // Other emails are not affected.
    expect(
      (await svc.call('POST', '/auth/token', { body: signInBody('admin@demo.test', DEMO_PASSWORD) })).status,
    ).toBe(200)
    // 429s do not count as failures: at t=59.5 s still locked (Retry-After rounds up), at t=60 s four failures remain.
    svc.time.advance(54_500)
    const stillLocked = await svc.call('POST', '/auth/token', {
      body: signInBody('api@demo.test', 'wrong-again'),
    })
    expect([stillLocked.status, stillLocked.headers.get('retry-after')]).toEqual([429, '1'])
    svc.time.advance(500)
    expect(
      (await svc.call('POST', '/auth/token', { body: signInBody('api@demo.test', DEMO_PASSWORD) })).status,
    ).toBe(200)
  })

  it('counts unknown emails the same way', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      await svc.call('POST', '/auth/token', { body: signInBody('nobody@demo.test', 'x') })
    }
    const locked = await svc.call('POST', '/auth/token', { body: signInBody('nobody@demo.test', 'x') })
    expect([locked.status, locked.json.code, locked.headers.get('retry-after')]).toEqual([
      429,
      'rate_limited',
      '60',
    ])
  })
})

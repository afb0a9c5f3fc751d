// Bad input of every kind gets the documented 4xx with a JSON { code, message } body — never a 5xx,
// never a stack trace — and leaves the database as it was.
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, startService, type Reply, type Running } from './harness'

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; DELETE FROM user_tokens',
  '" OR ""="',
  "admin@demo.test'--",
  "' UNION SELECT token_hash, 1, 1 FROM user_tokens --",
  '%27%20OR%201%3D1',
  '\u0000\u0001',
  '😀'.repeat(20),
  'Robert"); DROP TABLE audit_events;--',
]

function expectContractError(reply: Reply, status: number, code: string): void {
  expect([reply.status, reply.json?.code]).toEqual([status, code])
  expect(typeof reply.json.message).toBe('string')
  expect(reply.text).not.toMatch(/at .+\.(ts|js):\d+|stack/i)
}

/** A raw HTTP/1.1 exchange, for what fetch refuses to send (lying Content-Length, odd encodings). */
function raw(
  svc: Running,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<Reply> {
  const url = new URL(svc.base + options.path)
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: url.pathname + url.search,
        headers: options.headers,
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => {
          let json: unknown = null
          try {
            json = JSON.parse(text)
          } catch {
            json = null
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: new Headers(res.headers as Record<string, string>),
            text,
            json,
          })
        })
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}

describe('token service: bad input', () => {
  let svc: Running
  let admin: string
  let userToken: string
  const signIn = (body: unknown) => svc.call('POST', '/auth/token', { body })

  beforeAll(async () => {
    svc = await startService()
    admin = await svc.signIn('admin')
    userToken = await svc.generate(await svc.signIn('api'))
  })
  afterAll(async () => svc.stop())

  it('rejects malformed JSON, empty and non-object bodies with 400 invalid_request', async () => {
    for (const rawBody of [
      '{bad',
      '{"email": "a@b",}',
      '[',
      'undefined',
      "{'a':1}",
      '{"__proto__": {"x": 1}}',
    ]) {
      expectContractError(await svc.call('POST', '/auth/token', { rawBody }), 400, 'invalid_request')
    }
    for (const rawBody of ['', 'null', '[]', '"text"', '42', 'true']) {
      const reply = await svc.call('POST', '/auth/token', { rawBody })
      expectContractError(reply, 400, 'invalid_request')
      expect(reply.json.errors.length).toBeGreaterThan(0)
    }
  })

  it('rejects wrong content types with 400 invalid_request', async () => {
    const body = JSON.stringify({
      grant_type: 'client_credentials',
      email: 'api@demo.test',
      password: DEMO_PASSWORD,
    })
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'image/png',
    ]) {
      const reply = await svc.call('POST', '/auth/token', {
        rawBody: body,
        headers: { 'content-type': type },
      })
      expectContractError(reply, 400, 'invalid_request')
    }
    const patch = await svc.call('PATCH', '/users/3', {
      token: admin,
      rawBody: 'api_access_enabled=true',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expectContractError(patch, 400, 'invalid_request')
  })

  it('names every wrong type, unknown field and missing field (allErrors, no coercion, no silent drops)', async () => {
    const reply = await signIn({ grant_type: 'password', email: 7, extra: 'x' })
    expectContractError(reply, 400, 'invalid_request')
    expect(reply.json.errors).toEqual(
      expect.arrayContaining([
        { field: 'grant_type', code: 'not_allowed', message: expect.any(String) },
        { field: 'email', code: 'wrong_type', message: expect.any(String) },
        { field: 'password', code: 'missing', message: expect.any(String) },
        { field: 'extra', code: 'unknown_field', message: expect.any(String) },
      ]),
    )
    for (const email of [7, null, [], {}, true]) {
      expectContractError(
        await signIn({ grant_type: 'client_credentials', email, password: DEMO_PASSWORD }),
        400,
        'invalid_request',
      )
    }
    expectContractError(
      await signIn({ grant_type: 'client_credentials', email: 'api@demo.test', password: 12345678 }),
      400,
      'invalid_request',
    )
    for (const value of ['true', 1, 0, null, 'false', [true]]) {
      expectContractError(
        await svc.call('PATCH', '/users/3', { token: admin, body: { api_access_enabled: value } }),
        400,
        'invalid_request',
      )
    }
    const unknown = await svc.call('PATCH', '/users/3', {
      token: admin,
      body: { api_access_enabled: true, role: 'Administrator' },
    })
    expectContractError(unknown, 400, 'invalid_request')
    expect(unknown.json.errors).toEqual([
      { field: 'role', code: 'unknown_field', message: expect.any(String) },
    ])
    expectContractError(
      await svc.call('PATCH', '/users/3', { token: admin, body: {} }),
      400,
      'invalid_request',
    )
    // Nothing was changed by any of it.
    const crew = (await svc.call('GET', '/users', { token: admin })).json.find(
      (user: { id: number }) => user.id === 3,
    )
    expect(crew.api_access_enabled).toBe(false)
  })

  it('bodyless endpoints accept no body, an empty JSON body or {}, and reject fields', async () => {
    const session = await svc.signIn('admin')
    const withField = await svc.call('POST', '/user-token', {
      token: session,
      body: { expires_at: '2099-01-01T00:00:00Z' },
    })
    expectContractError(withField, 400, 'invalid_request')
    expect(withField.json.errors[0]).toMatchObject({ field: 'expires_at', code: 'unknown_field' })
    expectContractError(
      await svc.call('POST', '/user-token', { token: session, body: [1] }),
      400,
      'invalid_request',
    )
    expect((await svc.call('POST', '/user-token', { token: session, rawBody: '' })).status).toBe(201)
    expect((await svc.call('POST', '/user-token/regenerate', { token: session, body: {} })).status).toBe(201)
    expect((await svc.call('DELETE', '/user-token', { token: session, rawBody: '' })).status).toBe(204)
  })

  it('answers 413 payload_too_large above 64 KiB (with or without Content-Length), 400 below', async () => {
    const huge = JSON.stringify({
      grant_type: 'client_credentials',
      email: 'api@demo.test',
      password: 'x'.repeat(100 * 1024),
    })
    expectContractError(await svc.call('POST', '/auth/token', { rawBody: huge }), 413, 'payload_too_large')
    const chunked = await fetch(`${svc.base}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([huge]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect([chunked.status, ((await chunked.json()) as { code: string }).code]).toEqual([
      413,
      'payload_too_large',
    ])
    const justOver = '"' + 'x'.repeat(64 * 1024 - 1) + '"'
    expectContractError(
      await svc.call('POST', '/auth/token', { rawBody: justOver }),
      413,
      'payload_too_large',
    )
    const justUnder = '"' + 'x'.repeat(64 * 1024 - 2) + '"'
    expectContractError(await svc.call('POST', '/auth/token', { rawBody: justUnder }), 400, 'invalid_request')
    expectContractError(
      await svc.call('PATCH', '/users/3', { token: admin, rawBody: huge }),
      413,
      'payload_too_large',
    )
  })

  it('rejects over-long strings with 400 invalid_request', async () => {
    const long = await signIn({
      grant_type: 'client_credentials',
      email: `${'a'.repeat(300)}@demo.test`,
      password: 'x'.repeat(50_000),
    })
    expectContractError(long, 400, 'invalid_request')
    expect(
      long.json.errors.map((error: { field: string; code: string }) => [error.field, error.code]),
    ).toEqual([
      ['email', 'too_long'],
      ['password', 'too_long'],
    ])
    expectContractError(
      await svc.call('GET', `/dispatches?since=${'2026-01-01T00:00:00'.padEnd(5000, '0')}Z`, {
        token: admin,
      }),
      400,
      'invalid_request',
    )
    const longToken = await svc.call('GET', '/me', { token: 'fdt_' + 'x'.repeat(8000) })
    expectContractError(longToken, 401, 'token_invalid')
  })

  it('rejects bad query values and unknown query fields with 400 invalid_request', async () => {
    const bad = [
      'page=0',
      'page=-1',
      'page=1.5',
      'page=abc',
      'page=',
      'page=99999999999',
      'page=1&page=2',
      'since=yesterday',
      'since=2026-13-01T00:00:00Z',
      'limit=5',
      'sort=name',
    ]
    for (const query of bad) {
      expectContractError(
        await svc.call('GET', `/dispatches?${query}`, { token: userToken }),
        400,
        'invalid_request',
      )
    }
    expectContractError(
      await svc.call('GET', '/stations?since=2026-01-01T00:00:00Z', { token: userToken }),
      400,
      'invalid_request',
    )
    expectContractError(
      await svc.call('GET', '/audit/events?page=1', { token: admin }),
      400,
      'invalid_request',
    )
  })

  it('treats a missing or malformed Authorization header as token_missing, and garbage as token_invalid', async () => {
    for (const authorization of [
      '',
      'Bearer',
      'Bearer ',
      'Basic YWRtaW46cGFzcw==',
      'Token abc',
      'Bearer a b',
      userToken,
    ]) {
      const reply = await svc.call('GET', '/me', { headers: { authorization } })
      expectContractError(reply, 401, 'token_missing')
    }
    for (const authorization of [
      'Bearer garbage',
      'Bearer fds_nope',
      `Bearer ${userToken}x`,
      `Bearer ${userToken.toUpperCase()}`,
    ]) {
      expectContractError(await svc.call('GET', '/me', { headers: { authorization } }), 401, 'token_invalid')
    }
    expect((await svc.call('GET', '/me', { headers: { authorization: `bearer ${userToken}` } })).status).toBe(
      200,
    )
  })

  it('survives SQL-injection strings in every field, query and path: documented 4xx, data intact', async () => {
    for (const [index, text] of INJECTIONS.entries()) {
      expectContractError(
        await signIn({ grant_type: 'client_credentials', email: text, password: DEMO_PASSWORD }),
        401,
        'invalid_credentials',
      )
      expectContractError(
        await signIn({ grant_type: 'client_credentials', email: `victim${index}@demo.test`, password: text }),
        401,
        'invalid_credentials',
      )
      expectContractError(
        await signIn({ grant_type: text, email: 'api@demo.test', password: DEMO_PASSWORD }),
        400,
        'invalid_request',
      )
      const query = encodeURIComponent(text)
      for (const path of [
        `/dispatches?page=${query}`,
        `/dispatches?since=${query}`,
        `/personnel?${query}=1`,
      ]) {
        expectContractError(await svc.call('GET', path, { token: userToken }), 400, 'invalid_request')
      }
      expectContractError(
        await svc.call('GET', `/audit/events?limit=${query}`, { token: admin }),
        400,
        'invalid_request',
      )
      expectContractError(
        await svc.call('PATCH', `/users/${query}`, { token: admin, body: { api_access_enabled: true } }),
        404,
        'not_found',
      )
      expectContractError(
        await svc.call('PATCH', '/users/3', { token: admin, body: { api_access_enabled: text } }),
        400,
        'invalid_request',
      )
      if (/^[\x20-\x7e]*$/.test(text)) {
        const reply = await svc.call('GET', '/me', { token: text })
        expect([401]).toContain(reply.status)
        expect(['token_missing', 'token_invalid']).toContain(reply.json.code)
      }
    }
    // The database is intact: the same users, the token still works, sign-in still works.
    expect((await svc.call('GET', '/users', { token: admin })).json).toHaveLength(3)
    expect((await svc.call('GET', '/stations', { token: userToken })).json).toHaveLength(6)
    expect((await svc.call('GET', '/dispatches?page=3', { token: userToken })).json).toHaveLength(5)
    expect(await svc.signIn('crew')).toMatch(/^fds_/)
  })

  it('answers malformed URLs and malformed framing with 400, never a 5xx', async () => {
    expectContractError(await svc.call('GET', '/me%E0%A4%A', { token: admin }), 400, 'invalid_request')
    const charset = await raw(svc, {
      method: 'POST',
      path: '/auth/token',
      headers: { 'content-type': 'application/json; charset=utf-16', 'content-length': '2' },
      body: '{}',
    })
    expect(charset.status).toBe(400)
    const badLength = await rawStatusLine(
      svc,
      'POST /fd-api/v1/auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ten\r\n\r\n{}',
    )
    expect(badLength).toMatch(/^HTTP\/1\.1 400/)
  })
})

/** Sends bytes no HTTP client would, and returns the status line of whatever comes back. */
function rawStatusLine(svc: Running, bytes: string): Promise<string> {
  const url = new URL(svc.base)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes))
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''))
    socket.on('error', reject)
  })
}

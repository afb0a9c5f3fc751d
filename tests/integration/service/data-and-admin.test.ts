import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startService, type Running } from './harness'

describe('token service: data endpoints, catalog and OpenAPI', () => {
  let svc: Running
  let admin: string
  let userToken: string
  beforeAll(async () => {
    svc = await startService()
    admin = await svc.signIn('admin')
    userToken = await svc.generate(await svc.signIn('api'))
  })
  afterAll(async () => svc.stop())

  it('serves the demo data: 12 personnel, 45 dispatches, 30 fire incidents, 6 stations', async () => {
    const count = async (path: string) => {
      let total = 0
      for (let page = 1; ; page++) {
        const reply = await svc.call('GET', `${path}?page=${page}`, { token: admin })
        expect(reply.status).toBe(200)
        total += reply.json.length
        if (!reply.headers.get('link')) return total
      }
    }
    expect(await count('/personnel')).toBe(12)
    expect(await count('/dispatches')).toBe(45)
    expect(await count('/fire-incidents')).toBe(30)
    expect(await count('/stations')).toBe(6)
  })

  it('pages by 20 with a same-origin Link rel="next" while there is a next page; past the end is []', async () => {
    const first = await svc.call('GET', '/dispatches', { token: userToken })
    expect(first.json).toHaveLength(20)
    expect(first.headers.get('link')).toBe(`<${svc.base}/dispatches?page=2>; rel="next"`)
    const next = first.headers.get('link')?.match(/^<([^>]+)>/)?.[1] as string
    const second = await fetch(next, { headers: { authorization: `Bearer ${userToken}` } })
    expect(((await second.json()) as unknown[]).length).toBe(20)
    expect(second.headers.get('link')).toBe(`<${svc.base}/dispatches?page=3>; rel="next"`)
    const third = await svc.call('GET', '/dispatches?page=3', { token: userToken })
    expect([third.json.length, third.headers.get('link')]).toEqual([5, null])
    const past = await svc.call('GET', '/dispatches?page=9', { token: userToken })
    expect([past.status, past.json, past.headers.get('link')]).toEqual([200, [], null])
    expect((await svc.call('GET', '/stations', { token: userToken })).headers.get('link')).toBeNull()
  })

  it('filters dispatches with since= (created at or after), paging the result', async () => {
    const all = [
      ...(await svc.call('GET', '/dispatches?page=1', { token: admin })).json,
      ...(await svc.call('GET', '/dispatches?page=2', { token: admin })).json,
      ...(await svc.call('GET', '/dispatches?page=3', { token: admin })).json,
    ] as { id: number; created_at: string }[]
    const pivot = all[40] as { created_at: string }
    const since = await svc.call('GET', `/dispatches?since=${encodeURIComponent(pivot.created_at)}`, {
      token: admin,
    })
    expect(since.json.map((d: { id: number }) => d.id)).toEqual(all.slice(40).map((d) => d.id))
    const sinceStart = '2000-01-01T00:00:00Z'
    const paged = await svc.call('GET', `/dispatches?since=${sinceStart}`, { token: admin })
    expect(paged.headers.get('link')).toBe(
      `<${svc.base}/dispatches?page=2&since=${encodeURIComponent(sinceStart)}>; rel="next"`,
    )
  })

  it('lists exactly the four data endpoints in order, without authentication', async () => {
    const reply = await svc.call('GET', '/endpoints')
    expect(reply.status).toBe(200)
    expect(reply.json.map((e: Record<string, string>) => [e.method, e.path, e.required_permission])).toEqual([
      ['GET', '/fd-api/v1/personnel', 'personnel.read'],
      ['GET', '/fd-api/v1/dispatches', 'dispatches.read'],
      ['GET', '/fd-api/v1/fire-incidents', 'fire_incidents.read'],
      ['GET', '/fd-api/v1/stations', 'stations.read'],
    ])
    expect(reply.json.every((e: { description: string }) => e.description.length > 0)).toBe(true)
  })

  it('serves an OpenAPI description of every endpoint, generated from the route schemas', async () => {
    const reply = await svc.call('GET', '/openapi.json')
    expect(reply.status).toBe(200)
    expect(reply.json.openapi).toMatch(/^3\./)
    const paths = Object.keys(reply.json.paths)
    for (const path of [
      '/auth/token',
      '/me',
      '/user-token',
      '/user-token/regenerate',
      '/personnel',
      '/dispatches',
      '/fire-incidents',
      '/stations',
      '/endpoints',
      '/users',
      '/users/{id}',
      '/audit/events',
    ]) {
      expect(paths).toContain(`/fd-api/v1${path}`)
    }
    const signIn = reply.json.paths['/fd-api/v1/auth/token'].post
    expect(signIn.requestBody.content['application/json'].schema.required).toEqual([
      'grant_type',
      'email',
      'password',
    ])
    expect(reply.json.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' })
  })

  it('answers 404 not_found for an unknown route or method', async () => {
    for (const [method, path] of [
      ['GET', '/nowhere'],
      ['PUT', '/user-token'],
      ['POST', '/stations'],
      ['GET', '/users/1'],
    ]) {
      const reply = await svc.call(method as string, path as string, { token: admin })
      expect([reply.status, reply.json.code]).toEqual([404, 'not_found'])
    }
  })
})

describe('token service: administration', () => {
  let svc: Running
  beforeAll(async () => {
    svc = await startService()
  })
  afterAll(async () => svc.stop())

  it('lists users with role, access, can_generate_tokens and token status — never a secret', async () => {
    const admin = await svc.signIn('admin')
    const token = await svc.generate(await svc.signIn('api'))
    await svc.call('GET', '/stations', { token })
    const reply = await svc.call('GET', '/users', { token: admin })
    expect(reply.status).toBe(200)
    expect(reply.text).not.toContain(token)
    expect(reply.text).not.toContain('fdt_')
    const byEmail = Object.fromEntries(reply.json.map((user: { email: string }) => [user.email, user]))
    expect(byEmail['admin@demo.test']).toMatchObject({
      role: { name: 'Administrator' },
      api_access_enabled: true,
      can_generate_tokens: true,
      token: { status: 'none' },
    })
    expect(byEmail['crew@demo.test']).toMatchObject({
      role: { name: 'Crew' },
      api_access_enabled: false,
      can_generate_tokens: false,
    })
    expect(byEmail['api@demo.test']).toMatchObject({
      can_generate_tokens: true,
      token: { status: 'active', hint: token.slice(-4), last_used_at: '2026-03-10T12:00:00.000Z' },
    })
  })

  it('PATCH disabling API access revokes the token; enabling lets the user generate; both are audited', async () => {
    const admin = await svc.signIn('admin')
    const crew = await svc.signIn('crew')
    const users = (await svc.call('GET', '/users', { token: admin })).json as { id: number; email: string }[]
    const crewId = users.find((user) => user.email === 'crew@demo.test')?.id as number
    const apiId = users.find((user) => user.email === 'api@demo.test')?.id as number

    const enabled = await svc.call('PATCH', `/users/${crewId}`, {
      token: admin,
      body: { api_access_enabled: true },
    })
    expect(enabled.status).toBe(200)
    expect(enabled.json).toMatchObject({ id: crewId, api_access_enabled: true, can_generate_tokens: false })
    // Crew has access now but lacks api_token.generate.
    const denied = await svc.call('POST', '/user-token', { token: crew })
    expect(denied.json).toMatchObject({
      code: 'permission_denied',
      required_permission: 'api_token.generate',
    })

    const apiSession = await svc.signIn('api')
    const regenerated = await svc.call('POST', '/user-token/regenerate', { token: apiSession })
    const apiToken = regenerated.json.token as string
    expect((await svc.call('GET', '/me', { token: apiToken })).status).toBe(200)
    const disabled = await svc.call('PATCH', `/users/${apiId}`, {
      token: admin,
      body: { api_access_enabled: false },
    })
    expect(disabled.json).toMatchObject({
      api_access_enabled: false,
      can_generate_tokens: false,
      token: { status: 'none', hint: null },
    })
    expect((await svc.call('GET', '/me', { token: apiToken })).json.code).toBe('token_invalid')
    expect((await svc.call('POST', '/user-token', { token: apiSession })).json.code).toBe(
      'api_access_disabled',
    )
    expect((await svc.call('GET', '/me', { token: apiSession })).json.api_access_enabled).toBe(false)

    const events = (await svc.call('GET', '/audit/events?limit=4', { token: admin })).json
    // Newest first; disabling records the access change and then the token's removal, in one transaction.
    expect(events.map((event: { type: string }) => event.type)).toEqual([
      'token.removed',
      'api_access.disabled',
      'token.regenerated',
      'auth.signed_in',
    ])
    expect(events[0]).toMatchObject({ actor_id: expect.any(Number), subject_id: apiId })

    const missing = await svc.call('PATCH', '/users/9999', {
      token: admin,
      body: { api_access_enabled: true },
    })
    expect([missing.status, missing.json.code]).toEqual([404, 'not_found'])
    const notANumber = await svc.call('PATCH', '/users/abc', {
      token: admin,
      body: { api_access_enabled: true },
    })
    expect([notANumber.status, notANumber.json.code]).toEqual([404, 'not_found'])
  })

  it('lists audit events newest first with limit 1–500 (default 50)', async () => {
    const admin = await svc.signIn('admin')
    const all = (await svc.call('GET', '/audit/events', { token: admin })).json as {
      at: string
      type: string
    }[]
    expect(all.length).toBeGreaterThan(5)
    expect(all.length).toBeLessThanOrEqual(50)
    expect(all[0]?.type).toBe('auth.signed_in')
    for (const event of all)
      expect(Object.keys(event).sort()).toEqual(['actor_id', 'at', 'subject_id', 'type'])
    const types = new Set(all.map((event) => event.type))
    for (const type of [
      'token.generated',
      'token.regenerated',
      'token.removed',
      'api_access.enabled',
      'api_access.disabled',
    ]) {
      expect(types).toContain(type)
    }
    expect((await svc.call('GET', '/audit/events?limit=1', { token: admin })).json).toEqual(all.slice(0, 1))
    for (const bad of ['0', '501', '-1', 'ten', '']) {
      const reply = await svc.call('GET', `/audit/events?limit=${bad}`, { token: admin })
      expect([reply.status, reply.json.code]).toEqual([400, 'invalid_request'])
    }
    expect((await svc.call('GET', '/audit/events?limit=500', { token: admin })).status).toBe(200)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startService, type Running } from './harness'

describe('token service: concurrency', () => {
  let svc: Running
  beforeAll(async () => {
    svc = await startService()
  })
  afterAll(async () => svc.stop())

  it('20 simultaneous regenerations leave exactly one valid token — the one the service reports', async () => {
    const session = await svc.signIn('api')
    const original = await svc.generate(session)
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => svc.call('POST', '/user-token/regenerate', { token: session })),
    )
    for (const reply of replies) expect(reply.status).toBe(201)
    const issued = [original, ...replies.map((reply) => reply.json.token as string)]
    expect(new Set(issued).size).toBe(21)

    const checks = await Promise.all(issued.map((token) => svc.call('GET', '/me', { token })))
    const valid = issued.filter((_token, index) => checks[index]?.status === 200)
    expect(valid).toHaveLength(1)
    for (const check of checks.filter((reply) => reply.status !== 200))
      expect(check.json.code).toBe('token_invalid')
    const status = await svc.call('GET', '/user-token', { token: session })
    expect(status.json.hint).toBe((valid[0] as string).slice(-4))
  })

  it('simultaneous generations for one user: exactly one 201, the rest 409 token_exists', async () => {
    const session = await svc.signIn('admin')
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => svc.call('POST', '/user-token', { token: session })),
    )
    expect(replies.filter((reply) => reply.status === 201)).toHaveLength(1)
    expect(
      replies.filter((reply) => reply.status === 409 && reply.json.code === 'token_exists'),
    ).toHaveLength(9)
  })

  it('a token used while being regenerated is either accepted before or rejected after — never both after', async () => {
    const session = await svc.signIn('api')
    const before = (await svc.call('POST', '/user-token/regenerate', { token: session })).json.token as string
    const [regenerated, ...uses] = await Promise.all([
      svc.call('POST', '/user-token/regenerate', { token: session }),
      ...Array.from({ length: 10 }, () => svc.call('GET', '/stations', { token: before })),
    ])
    expect(regenerated?.status).toBe(201)
    for (const use of uses) expect([200, 401]).toContain(use.status)
    expect((await svc.call('GET', '/stations', { token: before })).json.code).toBe('token_invalid')
  })
})

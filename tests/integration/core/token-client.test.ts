import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppFailure } from '@shared/contract'
import { createTokenService } from '../../../service/app'
import { nodeHttp } from '../../../electron/main/adapters/node-http'
import { createTokenClient } from '../../../electron/main/services/token-client'
import { removeDir, tempDir } from './helpers'

const PASSWORD = 'client-test-password'
/** Shaped like a real token (so the service looks it up) but never issued; built so no literal token sits in the source. */
const unknownToken = `fdt_${'unknown-token-'.padEnd(34, 'x')}`
const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('expected a failure'),
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(AppFailure)
  return error as AppFailure
}

/** A plain HTTP server with one fixed behaviour, for answers the token service never gives. */
async function rawServer(handler: Parameters<typeof createServer>[1]) {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/fd-api/v1` }
}
const stop = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()))

describe('token client: every answer is a typed value or a typed error', () => {
  const dir = tempDir()
  let clockNow = new Date('2026-06-01T12:00:00Z')
  const clock = () => clockNow
  const service = createTokenService({
    dbPath: `${dir}/svc.sqlite`,
    seed: 'demo',
    demoPassword: PASSWORD,
    clock,
  })
  const firstDueStyle = createTokenService({
    dbPath: `${dir}/fd.sqlite`,
    seed: 'demo',
    demoPassword: PASSWORD,
    authErrors: 'first-due',
  })
  const client = createTokenClient({ fetch: nodeHttp, now: clock })
  /** Only for a server that never answers: nothing else may depend on how fast this machine is. */
  const impatient = createTokenClient({ fetch: nodeHttp, timeoutMs: 500, now: clock })
  let baseUrl = ''
  let firstDueUrl = ''

  beforeAll(async () => {
    baseUrl = `${await service.listen()}/fd-api/v1`
    firstDueUrl = `${await firstDueStyle.listen()}/fd-api/v1`
  })
  afterAll(async () => {
    await service.close()
    await firstDueStyle.close()
    removeDir(dir)
  }, 60_000)

  it('signs in, reads /me and the token, generates', async () => {
    const session = await client.signIn(baseUrl, 'api@demo.test', PASSWORD)
    expect(session.expiresAt).toBe('2026-06-15T12:00:00.000Z')
    expect(await client.me(baseUrl, session.accessToken)).toMatchObject({
      email: 'api@demo.test',
      apiAccessEnabled: true,
    })
    expect(await client.tokenStatus(baseUrl, session.accessToken)).toEqual({
      status: 'none',
      createdAt: null,
      expiresAt: null,
      lastUsedAt: null,
      hint: null,
    })
    const token = await client.generate(baseUrl, session.accessToken)
    expect(token).toMatchObject({
      status: 'active',
      hint: token.token.slice(-4),
      expiresAt: '2027-06-01T12:00:00.000Z',
    })
    expect((await failureOf(client.generate(baseUrl, session.accessToken))).code).toBe('token_exists')
  })

  it('maps permission_denied with the permission, rate_limited with retry_after, token_expired with expired_at', async () => {
    const session = await client.signIn(baseUrl, 'api@demo.test', PASSWORD)
    const denied = await failureOf(client.request(baseUrl, '/users', { bearer: session.accessToken }))
    expect(denied).toMatchObject({
      code: 'permission_denied',
      details: { required_permission: 'users.read' },
    })
    expect(denied.message).toContain('users.read')

    for (let i = 0; i < 5; i += 1)
      expect((await failureOf(client.signIn(baseUrl, 'crew@demo.test', 'wrong'))).code).toBe(
        'invalid_credentials',
      )
    const limited = await failureOf(client.signIn(baseUrl, 'crew@demo.test', PASSWORD))
    expect(limited.code).toBe('rate_limited')
    expect(limited.details?.retry_after).toBeGreaterThan(0)

    clockNow = new Date('2026-06-20T12:00:00Z')
    const expired = await failureOf(client.me(baseUrl, session.accessToken))
    expect(expired).toMatchObject({
      code: 'token_expired',
      details: { expired_at: '2026-06-15T12:00:00.000Z' },
    })
    clockNow = new Date('2026-06-01T12:00:00Z')
  })

  it('maps First Due’s bare 403 to forbidden, and unknown tokens to token_invalid', async () => {
    const firstDue = await failureOf(client.me(firstDueUrl, unknownToken))
    expect(firstDue).toMatchObject({ code: 'forbidden', details: { status: 403 } })
    expect((await failureOf(client.me(baseUrl, unknownToken))).code).toBe('token_invalid')
  })

  it('maps transport problems: network, timeout, server_error, unreadable bodies', async () => {
    const closed = await rawServer(() => {})
    const closedUrl = closed.baseUrl
    await stop(closed.server)
    expect((await failureOf(client.me(closedUrl, 'x'))).code).toBe('network')

    const silent = await rawServer(() => {}) // accepts, never answers
    const timeout = await failureOf(impatient.me(silent.baseUrl, 'x'))
    expect(timeout.code).toBe('timeout')
    silent.server.closeAllConnections()
    await stop(silent.server)

    const broken = await rawServer((request, response) => {
      if (request.url?.endsWith('/me')) {
        response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>')
      } else response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"weird"}')
    })
    expect((await failureOf(client.me(broken.baseUrl, 'x'))).code).toBe('server_error')
    expect((await failureOf(client.tokenStatus(broken.baseUrl, 'x'))).code).toBe('server_error')
    await stop(broken.server)
  })

  it('never puts a token in an error message', async () => {
    const secret = `fdt_${'this-must-never-be-echoed-'.padEnd(40, '0')}`
    const failure = await failureOf(client.me(baseUrl, secret))
    expect(JSON.stringify({ message: failure.message, details: failure.details })).not.toContain(secret)
  })
})

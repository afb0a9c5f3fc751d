import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKeyringSecretStore, secretAccounts } from '../../../electron/main/services/secret-store'
import type { ChannelResponse, Instance, Result, SessionView, TokenView } from '@shared/contract'
import { errorOf, filesUnder, keyringAccounts, removeDir, runChildCore, startCore, tempDir, testAdapters, value, type TestCore } from './helpers'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Calls the embedded service directly with a bearer token, as an integration using the token would. */
async function meStatus(baseUrl: string, token: string) {
  const response = await fetch(`${baseUrl}/me`, { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, body: (await response.json()) as { code?: string; email?: string } }
}

describe('the token, start to finish, through the handler table', () => {
  const dataDir = tempDir()
  const { adapters, clipboard } = testAdapters()
  const secrets = createKeyringSecretStore()
  const seen: string[] = []
  const plaintexts: string[] = []
  let core: TestCore
  let sandboxId = ''
  let baseUrl = ''

  beforeAll(async () => {
    core = await startCore({ dataDir, adapters })
    core.onRendererEvent((event) => seen.push(event))
  })
  afterAll(async () => {
    await core?.close() // closing twice is harmless
    removeDir(dataDir)
  })

  it('first run creates the local sandbox, signed in as api@demo.test, with no token', async () => {
    const instances = value(await core.call('instances:list'))
    expect(instances).toHaveLength(1)
    const sandbox = instances[0]!
    expect(sandbox).toMatchObject({ name: 'Local sandbox', kind: 'token-service', environment: 'development', isSandbox: true })
    expect(sandbox.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fd-api\/v1$/)
    sandboxId = sandbox.id
    baseUrl = sandbox.baseUrl

    const session = value(await core.call('session:get', { instanceId: sandboxId }))
    expect(session.state).toBe('signed-in')
    expect(session.user?.email).toBe('api@demo.test')
    expect(session.demoUsers).toEqual(['admin', 'api', 'crew'])

    const status = value(await core.call('token:status', { instanceId: sandboxId }))
    expect(status).toMatchObject({ status: 'none', stored: false, hint: null, source: 'service', replacedElsewhere: false })
    expect(keyringAccounts()).toEqual(expect.arrayContaining([secretAccounts.demoPassword(sandboxId), secretAccounts.session(sandboxId)]))
    const sqlite = filesUnder(dataDir).find((file) => file.path.endsWith('sandbox.sqlite'))
    expect(sqlite, 'the sandbox database lives in the data folder').toBeDefined()
  })

  it('generates a token that the keychain holds and the service accepts', async () => {
    const change = value(await core.call('token:generate', { instanceId: sandboxId }))
    expect(change.unsavedToken).toBeNull()
    expect(change.view).toMatchObject({ status: 'active', stored: true, source: 'service' })
    expect(change.view.daysLeft).toBeGreaterThanOrEqual(364)
    expect(keyringAccounts()).toContain(`${sandboxId}/user-token`)
    const token = (await secrets.get(secretAccounts.userToken(sandboxId)))!
    plaintexts.push(token)
    expect(token).toMatch(/^fdt_/)
    expect(change.view.hint).toBe(token.slice(-4))
    expect((await meStatus(baseUrl, token)).body.email).toBe('api@demo.test')
    expect(errorOf(await core.call('token:generate', { instanceId: sandboxId })).code).toBe('token_exists')
    expect(seen).toContain('token:changed')
  })

  it('copies the token and clears the clipboard after the timeout, only when it still holds the token', async () => {
    value(await core.call('settings:update', { clipboardClearSeconds: 5 }))
    const token = plaintexts[0]!
    expect(value(await core.call('token:copy', { instanceId: sandboxId }))).toEqual({ clearsInSeconds: 5 })
    expect(await clipboard.readText()).toBe(token)
    await sleep(5_600)
    expect(await clipboard.readText()).toBe('')

    value(await core.call('token:copy', { instanceId: sandboxId }))
    await clipboard.writeSecret('something the user copied later')
    await sleep(5_600)
    expect(await clipboard.readText()).toBe('something the user copied later')
  }, 30_000)

  it('regenerates: the old token is rejected by the service from then on', async () => {
    const old = plaintexts[0]!
    const change = value(await core.call('token:regenerate', { instanceId: sandboxId }))
    const fresh = value(await core.call('token:reveal', { instanceId: sandboxId })).token
    plaintexts.push(fresh)
    expect(fresh).not.toBe(old)
    expect(change.view.hint).toBe(fresh.slice(-4))
    expect(await meStatus(baseUrl, old)).toMatchObject({ status: 401, body: { code: 'token_invalid' } })
    expect((await meStatus(baseUrl, fresh)).status).toBe(200)
  })

  it('removes the token on the service and in the keychain', async () => {
    const fresh = plaintexts[1]!
    const view = value(await core.call('token:remove', { instanceId: sandboxId }))
    expect(view).toMatchObject({ status: 'none', stored: false, hint: null })
    expect(keyringAccounts()).not.toContain(`${sandboxId}/user-token`)
    expect((await meStatus(baseUrl, fresh)).status).toBe(401)
    expect(errorOf(await core.call('token:reveal', { instanceId: sandboxId })).code).toBe('no_token')
    expect(errorOf(await core.call('token:copy', { instanceId: sandboxId })).code).toBe('no_token')
  })

  it('keeps the sandbox and the session across a restart, on a new port', async () => {
    value(await core.call('token:generate', { instanceId: sandboxId }))
    plaintexts.push((await secrets.get(secretAccounts.userToken(sandboxId)))!)
    await core.close()
    // A restart is a new process: the embedded service's database lock belongs to its process.
    const [info, list, session, status] = runChildCore({
      dataDir,
      calls: [['app:info', {}], ['instances:list', {}], ['session:get', { instanceId: sandboxId }], ['token:status', { instanceId: sandboxId }]],
    }).map((result) => value(result as Result<never>)) as unknown as [ChannelResponse<'app:info'>, Instance[], SessionView, TokenView]
    expect(info.notices).toEqual([])
    expect(list.map((instance) => instance.id)).toEqual([sandboxId])
    expect(session).toMatchObject({ state: 'signed-in', user: { email: 'api@demo.test' } })
    expect(status).toMatchObject({ status: 'active', stored: true, replacedElsewhere: false, source: 'service', hint: plaintexts[2]!.slice(-4) })
  })

  it('leaves no secret in plain text anywhere in the data folder', async () => {
    const session = JSON.parse((await secrets.get(secretAccounts.session(sandboxId)))!) as { token: string }
    const password = (await secrets.get(secretAccounts.demoPassword(sandboxId)))!
    const secretsToFind = [...plaintexts, session.token, password]
    expect(secretsToFind.every((secret) => secret.length >= 16)).toBe(true)
    const files = filesUnder(dataDir)
    expect(files.length).toBeGreaterThan(2)
    for (const file of files) {
      for (const secret of secretsToFind) {
        expect(file.bytes.includes(Buffer.from(secret)), `${file.path} holds a secret`).toBe(false)
      }
    }
  })
})

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { selectTokenView } from '../../../renderer/src/store/token'
import { selectEndpoints, selectResult } from '../../../renderer/src/store/verification'
import { startHarness, type Harness } from './harness'

describe('verification slice over the real core and sandbox service', () => {
  let h: Harness
  let id: string
  beforeEach(async () => {
    h = await startHarness()
    await h.state().ui.start()
    id = h.state().instances.activeId!
  })
  afterEach(async () => {
    await h.close()
  })

  it('loads the catalog marked for the signed-in API user and picks the first endpoint it may call', async () => {
    await h.state().verification.loadEndpoints(id)
    const endpoints = selectEndpoints(h.state(), id)
    expect(endpoints.map((item) => [item.path, item.allowed])).toEqual([
      ['/fd-api/v1/personnel', true],
      ['/fd-api/v1/dispatches', true],
      ['/fd-api/v1/fire-incidents', false],
      ['/fd-api/v1/stations', true],
    ])
    expect(h.state().verification.selected[id]).toBe('GET /fd-api/v1/personnel')
    expect(h.state().verification.endpointsStatus[id]).toBe('ready')
    // A choice survives a reload of the catalog.
    h.state().verification.select(id, 'GET /fd-api/v1/stations')
    await h.state().verification.loadEndpoints(id)
    expect(h.state().verification.selected[id]).toBe('GET /fd-api/v1/stations')
  })

  it('tests the chosen endpoint; the result and the card’s last verification follow', async () => {
    expect(await h.state().token.generate(id)).toBe(true)
    await h.state().verification.loadEndpoints(id)
    h.state().verification.select(id, 'GET /fd-api/v1/fire-incidents')
    const denied = await h.state().verification.test(id)
    expect(denied?.outcome).toBe('permission_denied')
    expect(denied?.message).toMatch(/^Permission denied/)
    expect(denied?.requiredPermission).toBe('fire_incidents.read')
    expect(h.state().verification.testing).toBeNull()

    h.state().verification.select(id, 'GET /fd-api/v1/stations')
    const ok = await h.state().verification.test(id)
    expect(ok?.message).toMatch(/^OK: 6 records returned/)
    expect(selectResult(h.state(), id)).toEqual(ok)
    const view = selectTokenView(h.state(), id)!
    expect(view.lastVerification?.outcome).toBe('ok')
    expect(view.lastVerifiedAt).toBe(ok?.at)
  })

  it('keeps a failed test as an error (no token stored)', async () => {
    expect(await h.state().verification.test(id)).toBeNull()
    expect(h.state().verification.testError[id]?.code).toBe('no_token')
    expect(selectResult(h.state(), id)).toBeNull()
  })

  it('opens the review on demand and loads the catalog with it', async () => {
    h.state().verification.toggleReview(id)
    expect(h.state().verification.reviewOpen[id]).toBe(true)
    await expect.poll(() => selectEndpoints(h.state(), id).length).toBe(4)
    h.state().verification.toggleReview(id)
    expect(h.state().verification.reviewOpen[id]).toBe(false)
  })

  it('adds a First Due tenant with its token, guides a regeneration, removes with a reminder', async () => {
    // The sandbox stands in for a tenant: its tokens are real, and http on 127.0.0.1 is allowed for testing.
    expect(await h.state().token.generate(id)).toBe(true)
    await h.state().token.toggleReveal(id)
    const token = h.state().token.revealed!.token
    const sandbox = h.state().instances.list.find((item) => item.id === id)!

    const bad = await h
      .state()
      .verification.addTenant({
        name: 'Tenant',
        baseUrl: 'ftp://nowhere',
        environment: 'training',
        token,
        expiresAt: '2027-12-03T23:59:59.000Z',
      })
    expect(bad).toBe(false)
    expect(h.state().verification.addTenantError?.code).toBe('invalid_request')
    expect(h.state().instances.list).toHaveLength(1)

    const added = await h.state().verification.addTenant({
      name: 'Tenant',
      baseUrl: sandbox.baseUrl,
      environment: 'training',
      token,
      expiresAt: '2027-12-03T23:59:59.000Z',
    })
    expect(added).toBe(true)
    const tenant = h.state().instances.list.find((item) => item.name === 'Tenant')!
    expect(tenant.kind).toBe('first-due')
    expect(h.state().instances.activeId).toBe(tenant.id)
    expect(selectTokenView(h.state(), tenant.id)).toMatchObject({
      status: 'active',
      stored: true,
      hint: token.slice(-4),
      expiresAt: '2027-12-03T23:59:59.000Z',
    })

    h.state().verification.startFirstDue(tenant.id, 'regenerate')
    expect(h.state().verification.firstDue).toMatchObject({
      mode: 'regenerate',
      webUrl: `${new URL(sandbox.baseUrl).origin}/`,
      opened: null,
    })
    await h.state().verification.openWebUi()
    expect(h.state().verification.firstDue?.opened).toBe(false) // not an allow-listed First Due address: shown to copy

    expect(await h.state().verification.pasteFromFirstDue('short', '2027-12-03T23:59:59.000Z')).toBe(false)
    expect(h.state().verification.firstDueError?.code).toBe('invalid_request')
    expect(h.state().verification.firstDue).not.toBeNull()

    h.state().verification.startFirstDue(tenant.id, 'remove')
    expect(await h.state().verification.removeFirstDueToken()).toBe(true)
    expect(h.state().verification.firstDue).toBeNull()
    expect(selectTokenView(h.state(), tenant.id)?.status).toBe('none')
    expect(h.state().ui.notices.at(-1)?.message).toMatch(
      /remove it in First Due too: User menu → USER TOKEN → X/,
    )
  })
})

import { describe, expect, it } from 'vitest'
import { selectTokenView } from '../../../renderer/src/store/token'
import { selectEndpoints, selectResult } from '../../../renderer/src/store/verification'
import { useStartedHarness } from './started-harness'

describe('verification slice over the real core and sandbox service', () => {
  const t = useStartedHarness()

  it('loads the catalog marked for the signed-in API user and picks the first endpoint it may call', async () => {
    await t.h.state().verification.loadEndpoints(t.id)
    const endpoints = selectEndpoints(t.h.state(), t.id)
    expect(endpoints.map((item) => [item.path, item.allowed])).toEqual([
      ['/fd-api/v1/personnel', true],
      ['/fd-api/v1/dispatches', true],
      ['/fd-api/v1/fire-incidents', false],
      ['/fd-api/v1/stations', true],
    ])
    expect(t.h.state().verification.selected[t.id]).toBe('GET /fd-api/v1/personnel')
    expect(t.h.state().verification.endpointsStatus[t.id]).toBe('ready')
    // A choice survives a reload of the catalog.
    t.h.state().verification.select(t.id, 'GET /fd-api/v1/stations')
    await t.h.state().verification.loadEndpoints(t.id)
    expect(t.h.state().verification.selected[t.id]).toBe('GET /fd-api/v1/stations')
  })

  it('tests the chosen endpoint; the result and the card’s last verification follow', async () => {
    expect(await t.h.state().token.generate(t.id)).toBe(true)
    await t.h.state().verification.loadEndpoints(t.id)
    t.h.state().verification.select(t.id, 'GET /fd-api/v1/fire-incidents')
    const denied = await t.h.state().verification.test(t.id)
    expect(denied?.outcome).toBe('permission_denied')
    expect(denied?.message).toMatch(/^Permission denied/)
    expect(denied?.requiredPermission).toBe('fire_incidents.read')
    expect(t.h.state().verification.testing).toBeNull()

    t.h.state().verification.select(t.id, 'GET /fd-api/v1/stations')
    const ok = await t.h.state().verification.test(t.id)
    expect(ok?.message).toMatch(/^OK: 6 records returned/)
    expect(selectResult(t.h.state(), t.id)).toEqual(ok)
    const view = selectTokenView(t.h.state(), t.id)!
    expect(view.lastVerification?.outcome).toBe('ok')
    expect(view.lastVerifiedAt).toBe(ok?.at)
  })

  it('keeps a failed test as an error (no token stored)', async () => {
    expect(await t.h.state().verification.test(t.id)).toBeNull()
    expect(t.h.state().verification.testError[t.id]?.code).toBe('no_token')
    expect(selectResult(t.h.state(), t.id)).toBeNull()
  })

  it('opens the review on demand and loads the catalog with it', async () => {
    t.h.state().verification.toggleReview(t.id)
    expect(t.h.state().verification.reviewOpen[t.id]).toBe(true)
    await expect.poll(() => selectEndpoints(t.h.state(), t.id).length).toBe(4)
    t.h.state().verification.toggleReview(t.id)
    expect(t.h.state().verification.reviewOpen[t.id]).toBe(false)
  })

  it('adds a First Due tenant with its token, guides a regeneration, removes with a reminder', async () => {
    // The sandbox stands in for a tenant: its tokens are real, and http on 127.0.0.1 is allowed for testing.
    expect(await t.h.state().token.generate(t.id)).toBe(true)
    await t.h.state().token.toggleReveal(t.id)
    const token = t.h.state().token.revealed!.token
    const sandbox = t.h.state().instances.list.find((item) => item.id === t.id)!

    const bad = await t.h.state().verification.addTenant({
      name: 'Tenant',
      baseUrl: 'ftp://nowhere',
      environment: 'training',
      token,
      expiresAt: '2027-12-03T23:59:59.000Z',
    })
    expect(bad).toBe(false)
    expect(t.h.state().verification.addTenantError?.code).toBe('invalid_request')
    expect(t.h.state().instances.list).toHaveLength(1)

    const added = await t.h.state().verification.addTenant({
      name: 'Tenant',
      baseUrl: sandbox.baseUrl,
      environment: 'training',
      token,
      expiresAt: '2027-12-03T23:59:59.000Z',
    })
    expect(added).toBe(true)
    const tenant = t.h.state().instances.list.find((item) => item.name === 'Tenant')!
    expect(tenant.kind).toBe('first-due')
    expect(t.h.state().instances.activeId).toBe(tenant.id)
    expect(selectTokenView(t.h.state(), tenant.id)).toMatchObject({
      status: 'active',
      stored: true,
      hint: token.slice(-4),
      expiresAt: '2027-12-03T23:59:59.000Z',
    })

    t.h.state().verification.startFirstDue(tenant.id, 'regenerate')
    expect(t.h.state().verification.firstDue).toMatchObject({
      mode: 'regenerate',
      webUrl: `${new URL(sandbox.baseUrl).origin}/`,
      opened: null,
    })
    await t.h.state().verification.openWebUi()
    expect(t.h.state().verification.firstDue?.opened).toBe(false) // not an allow-listed First Due address: shown to copy

    expect(await t.h.state().verification.pasteFromFirstDue('short', '2027-12-03T23:59:59.000Z')).toBe(false)
    expect(t.h.state().verification.firstDueError?.code).toBe('invalid_request')
    expect(t.h.state().verification.firstDue).not.toBeNull()

    t.h.state().verification.startFirstDue(tenant.id, 'remove')
    expect(await t.h.state().verification.removeFirstDueToken()).toBe(true)
    expect(t.h.state().verification.firstDue).toBeNull()
    expect(selectTokenView(t.h.state(), tenant.id)?.status).toBe('none')
    expect(t.h.state().ui.notices.at(-1)?.message).toMatch(
      /remove it in First Due too: User menu → USER TOKEN → X/,
    )
  })
})

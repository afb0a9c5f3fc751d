import { beforeEach, describe, expect, it } from 'vitest'
import { describeError } from '../../../renderer/src/store/errors'
import { selectActiveInstance } from '../../../renderer/src/store/instances'
import { selectNeedsUpdate } from '../../../renderer/src/store/integrations'
import { selectNeedsSignIn } from '../../../renderer/src/store/session'
import { selectCopySecondsLeft, selectTokenView } from '../../../renderer/src/store/token'
import { eventually, useStartedHarness, type Harness } from './harness'

describe('store over the real core: instances, session and token', () => {
  const started = useStartedHarness()
  let h: Harness
  beforeEach(() => {
    h = started.h()
  })

  it('starts on the sandbox, signed in as the API user, with no token', () => {
    const state = h.state()
    expect(state.ui.ready).toBe(true)
    expect(state.ui.app?.host).toBe('preview')
    const active = selectActiveInstance(state)
    expect(active?.isSandbox).toBe(true)
    expect(state.session.byInstance[active!.id]?.user?.email).toBe('api@demo.test')
    expect(selectNeedsSignIn(state, active!.id)).toBe(false)
    expect(selectTokenView(state, active!.id)?.status).toBe('none')
    expect(state.settings.value?.activeInstanceId).toBe(active!.id)
  })

  it('generates, copies with a countdown, reveals then re-masks, regenerates and removes', async () => {
    const id = h.state().instances.activeId!
    expect(await h.state().token.generate(id)).toBe(true)
    const view = selectTokenView(h.state(), id)!
    expect(view.status).toBe('active')
    expect(view.hint).toMatch(/^.{4}$/)
    expect(h.state().token.busy).toBeNull()

    expect(await h.state().token.copy(id)).toBe(true)
    const clip = await h.clipboard.readText()
    expect(clip.startsWith('fdt_') && clip.endsWith(view.hint!)).toBe(true)
    const left = selectCopySecondsLeft(h.state(), id, Date.now())
    expect(left).toBeGreaterThan(25)
    expect(left).toBeLessThanOrEqual(30)

    await h.state().token.toggleReveal(id)
    expect(h.state().token.revealed).toEqual({ instanceId: id, token: clip })
    h.timers.fireAll() // the 10 s re-mask and the copy countdown end
    expect(h.state().token.revealed).toBeNull()
    expect(h.state().token.copied).toBeNull()

    const oldHint = view.hint
    expect(await h.state().token.regenerate(id)).toBe(true)
    expect(selectTokenView(h.state(), id)!.hint).not.toBe(oldHint)

    expect(await h.state().token.remove(id)).toBe(true)
    expect(selectTokenView(h.state(), id)!.status).toBe('none')
  })

  it('reveal toggles off at once when pressed again', async () => {
    const id = h.state().instances.activeId!
    await h.state().token.generate(id)
    await h.state().token.toggleReveal(id)
    expect(h.state().token.revealed?.token).toMatch(/^fdt_/)
    await h.state().token.toggleReveal(id)
    expect(h.state().token.revealed).toBeNull()
    expect(h.timers.size).toBe(0)
  })

  it('after a regenerate the instance’s integrations need the new token until marked updated', async () => {
    const id = h.state().instances.activeId!
    await h.state().token.generate(id)
    const added = await h
      .state()
      .integrations.add({ name: 'CAD sync', environment: 'development', instanceId: id, owner: 'Dana' })
    expect(added?.status).toBe('current')
    await h.state().token.regenerate(id)
    await eventually(() => selectNeedsUpdate(h.state(), id).length === 1)
    expect(selectNeedsUpdate(h.state(), id)[0]!.name).toBe('CAD sync')
    expect(await h.state().integrations.markUpdated(added!.id)).toBe(true)
    expect(selectNeedsUpdate(h.state(), id)).toEqual([])
  })

  it('a token changed outside the store reaches it through token:changed', async () => {
    const id = h.state().instances.activeId!
    const result = await h.api.token.generate({ instanceId: id })
    expect(result.ok).toBe(true)
    await eventually(() => selectTokenView(h.state(), id)?.status === 'active')
    await eventually(() => h.state().activity.entries.some((entry) => entry.type === 'token.generated'))
  })

  it('a wrong password is reported in plain words; signing out shows the sign-in prompt; demo sign-in works', async () => {
    const id = h.state().instances.activeId!
    expect(await h.state().session.signIn(id, 'api@demo.test', 'wrong-password')).toBe(false)
    expect(h.state().session.errors[id]?.code).toBe('invalid_credentials')

    await h.state().session.signOut(id)
    expect(selectNeedsSignIn(h.state(), id)).toBe(true)
    const failed = await h.state().token.generate(id)
    expect(failed).toBe(false)
    expect(['signed_out', 'session_required']).toContain(h.state().token.errors[id]?.code)

    expect(await h.state().session.signInDemo(id, 'admin')).toBe(true)
    expect(h.state().session.byInstance[id]?.user?.email).toBe('admin@demo.test')
    expect(selectNeedsSignIn(h.state(), id)).toBe(false)
  })

  it('the sign-in lock is reported with its wait time', async () => {
    const id = h.state().instances.activeId!
    for (let attempt = 0; attempt < 5; attempt++) await h.state().session.signIn(id, 'crew@demo.test', 'nope')
    expect(await h.state().session.signIn(id, 'crew@demo.test', 'nope')).toBe(false)
    const error = h.state().session.errors[id]!
    expect(error.code).toBe('rate_limited')
    expect(describeError(error)).toMatch(/Sign-in is locked — try again in \d+ (seconds?|minutes?)\./)
  })

  it('adds, edits and removes an instance, switching away from a removed active one', async () => {
    const sandbox = h.state().instances.activeId!
    const added = await h.state().instances.add({
      name: 'Valley Fire',
      kind: 'first-due',
      baseUrl: 'https://valley.example.com/fd-api/v1',
      environment: 'production',
    })
    expect(added?.name).toBe('Valley Fire')
    expect(h.state().instances.activeId).toBe(added!.id)
    expect(await h.state().instances.update(added!.id, { name: 'Valley Fire Rescue' })).not.toBeNull()
    expect(h.state().instances.list.map((i) => i.name)).toContain('Valley Fire Rescue')

    expect(
      await h.state().instances.add({
        name: 'Bad',
        kind: 'first-due',
        baseUrl: 'http://example.com/x',
        environment: 'training',
      }),
    ).toBeNull()
    expect(h.state().instances.formError?.code).toBe('invalid_request')

    expect(await h.state().instances.remove(added!.id)).toBe(true)
    expect(h.state().instances.activeId).toBe(sandbox)
  })
})

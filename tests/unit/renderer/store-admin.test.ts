import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  selectCanAdminister,
  selectCanManageUsers,
  selectChecklist,
  selectTokenHolders,
} from '../../../renderer/src/store/admin'
import { selectTokenView } from '../../../renderer/src/store/token'
import { startHarness, type Harness } from './harness'

describe('admin slice over the real core and sandbox service', () => {
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

  it('the API user may not administer: no Admin view, and the service refuses the list', async () => {
    expect(selectCanAdminister(h.state())).toBe(false)
    await h.state().admin.load(id)
    expect(h.state().admin.usersStatus).toBe('error')
    expect(h.state().admin.usersError?.code).toBe('permission_denied')
  })

  it('the admin lists users, sees two token holders, disables (revoking) and re-enables, filters and exports the audit trail', async () => {
    expect(await h.state().token.generate(id)).toBe(true) // the API user's token
    expect(await h.state().session.signInDemo(id, 'admin')).toBe(true)
    expect(selectCanAdminister(h.state())).toBe(true)
    expect(selectCanManageUsers(h.state())).toBe(true)
    await h.state().admin.load(id)
    const { users } = h.state().admin
    expect(users.map((user) => user.email).sort()).toEqual([
      'admin@demo.test',
      'api@demo.test',
      'crew@demo.test',
    ])
    expect(selectTokenHolders(h.state()).map((user) => user.email)).toEqual(['api@demo.test'])

    // The admin's own token makes two holders.
    await h.state().token.load(id)
    expect(await h.state().token.generate(id)).toBe(true)
    await h.state().admin.load(id)
    expect(selectTokenHolders(h.state())).toHaveLength(2)

    const api = h.state().admin.users.find((user) => user.email === 'api@demo.test')!
    h.state().admin.askDisable(api)
    expect(h.state().admin.confirmDisable?.id).toBe(api.id)
    h.state().admin.cancelDisable()
    expect(h.state().admin.confirmDisable).toBeNull()
    expect(await h.state().admin.setApiAccess(api.id, false)).toBe(true)
    const disabled = h.state().admin.users.find((user) => user.id === api.id)!
    expect(disabled).toMatchObject({ apiAccessEnabled: false, token: { status: 'none' } })
    expect(selectTokenHolders(h.state())).toHaveLength(1)
    // Newest first: the access change and the revocation it caused.
    expect(
      h
        .state()
        .admin.audit.slice(0, 2)
        .map((event) => event.type)
        .sort(),
    ).toEqual(['api_access.disabled', 'token.removed'])
    expect(await h.state().admin.setApiAccess(api.id, true)).toBe(true)
    expect(h.state().admin.users.find((user) => user.id === api.id)?.apiAccessEnabled).toBe(true)

    await h.state().admin.setAuditFilter({ type: 'api_access.disabled' })
    expect(h.state().admin.audit.map((event) => event.type)).toEqual(['api_access.disabled'])
    await h.state().admin.setAuditFilter({ type: '', userId: api.id })
    expect(
      h.state().admin.audit.every((event) => event.actorId === api.id || event.subjectId === api.id),
    ).toBe(true)
    expect(h.state().admin.audit.map((event) => event.type)).toContain('token.generated')

    expect(await h.state().admin.exportAudit()).toBe(true)
    const file = h.saved.at(-1)!
    expect(file.mimeType).toBe('text/csv')
    expect(file.text).toContain('api_access.enabled') // filtered by user: the admin enabled the API user
    expect(file.text).not.toContain('fdt_')
  })

  it('reports a compromise: regenerated at once, the checklist lists the needs-update integrations until each is updated', async () => {
    expect(await h.state().token.generate(id)).toBe(true)
    const before = selectTokenView(h.state(), id)!.hint
    for (const name of ['CAD sync', 'Payroll']) {
      await h
        .state()
        .integrations.add({
          name,
          owner: 'Dana',
          contact: 'dana@example.org',
          environment: 'development',
          instanceId: id,
        })
    }
    h.state().admin.openCompromise(id)
    expect(h.state().admin.compromiseFor).toBe(id)
    expect(await h.state().admin.reportCompromise(id, 'Leaked in a chat')).toBe(true)
    expect(h.state().admin.compromiseFor).toBeNull()
    expect(selectTokenView(h.state(), id)!.hint).not.toBe(before)

    let checklist = selectChecklist(h.state(), id)!
    expect(checklist.reason).toBe('Leaked in a chat')
    expect(checklist.items.map((item) => item.name).sort()).toEqual(['CAD sync', 'Payroll'])
    expect(checklist.remaining).toBe(2)
    for (const item of checklist.items) await h.state().integrations.markUpdated(item.id)
    checklist = selectChecklist(h.state(), id)!
    expect(checklist.remaining).toBe(0)
    h.state().admin.dismissChecklist(id)
    expect(selectChecklist(h.state(), id)).toBeNull()
  })

  it('a refused report stays in the dialog with its error; a First Due tenant goes to the guided regeneration', async () => {
    expect(await h.state().admin.reportCompromise(id, 'No token yet')).toBe(false)
    expect(h.state().admin.compromiseError?.code).toBe('no_token')

    const sandbox = h.state().instances.list[0]!
    const tenant = await h
      .state()
      .instances.add({ name: 'Tenant', kind: 'first-due', baseUrl: sandbox.baseUrl, environment: 'training' })
    h.state().admin.openCompromise(tenant!.id)
    expect(await h.state().admin.reportCompromise(tenant!.id, 'Shared by email')).toBe(true)
    expect(h.state().admin.compromiseFor).toBeNull()
    expect(h.state().verification.firstDue).toMatchObject({
      instanceId: tenant!.id,
      mode: 'regenerate',
      compromiseReason: 'Shared by email',
    })
  })
})

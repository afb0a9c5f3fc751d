import { describe, expect, it } from 'vitest'
import {
  selectCanAdminister,
  selectCanManageUsers,
  selectChecklist,
  selectTokenHolders,
} from '../../../renderer/src/store/admin'
import { selectTokenView } from '../../../renderer/src/store/token'
import { useStartedHarness } from './started-harness'

describe('admin slice over the real core and sandbox service', () => {
  const t = useStartedHarness()

  it('the API user may not administer: no Admin view, and the service refuses the list', async () => {
    expect(selectCanAdminister(t.h.state())).toBe(false)
    await t.h.state().admin.load(t.id)
    expect(t.h.state().admin.usersStatus).toBe('error')
    expect(t.h.state().admin.usersError?.code).toBe('permission_denied')
  })

  it('the admin lists users, sees two token holders, disables (revoking) and re-enables, filters and exports the audit trail', async () => {
    expect(await t.h.state().token.generate(t.id)).toBe(true) // the API user's token
    expect(await t.h.state().session.signInDemo(t.id, 'admin')).toBe(true)
    expect(selectCanAdminister(t.h.state())).toBe(true)
    expect(selectCanManageUsers(t.h.state())).toBe(true)
    await t.h.state().admin.load(t.id)
    const { users } = t.h.state().admin
    expect(users.map((user) => user.email).sort()).toEqual([
      'admin@demo.test',
      'api@demo.test',
      'crew@demo.test',
    ])
    expect(selectTokenHolders(t.h.state()).map((user) => user.email)).toEqual(['api@demo.test'])

    // The admin's own token makes two holders.
    await t.h.state().token.load(t.id)
    expect(await t.h.state().token.generate(t.id)).toBe(true)
    await t.h.state().admin.load(t.id)
    expect(selectTokenHolders(t.h.state())).toHaveLength(2)

    const api = t.h.state().admin.users.find((user) => user.email === 'api@demo.test')!
    t.h.state().admin.askDisable(api)
    expect(t.h.state().admin.confirmDisable?.id).toBe(api.id)
    t.h.state().admin.cancelDisable()
    expect(t.h.state().admin.confirmDisable).toBeNull()
    expect(await t.h.state().admin.setApiAccess(api.id, false)).toBe(true)
    const disabled = t.h.state().admin.users.find((user) => user.id === api.id)!
    expect(disabled).toMatchObject({ apiAccessEnabled: false, token: { status: 'none' } })
    expect(selectTokenHolders(t.h.state())).toHaveLength(1)
    // Newest first: the access change and the revocation it caused.
    expect(
      t.h
        .state()
        .admin.audit.slice(0, 2)
        .map((event) => event.type)
        .sort(),
    ).toEqual(['api_access.disabled', 'token.removed'])
    expect(await t.h.state().admin.setApiAccess(api.id, true)).toBe(true)
    expect(t.h.state().admin.users.find((user) => user.id === api.id)?.apiAccessEnabled).toBe(true)

    await t.h.state().admin.setAuditFilter({ type: 'api_access.disabled' })
    expect(t.h.state().admin.audit.map((event) => event.type)).toEqual(['api_access.disabled'])
    await t.h.state().admin.setAuditFilter({ type: '', userId: api.id })
    expect(
      t.h.state().admin.audit.every((event) => event.actorId === api.id || event.subjectId === api.id),
    ).toBe(true)
    expect(t.h.state().admin.audit.map((event) => event.type)).toContain('token.generated')

    expect(await t.h.state().admin.exportAudit()).toBe(true)
    const file = t.h.saved.at(-1)!
    expect(file.mimeType).toBe('text/csv')
    expect(file.text).toContain('api_access.enabled') // filtered by user: the admin enabled the API user
    expect(file.text).not.toContain('fdt_')
  })

  it('reports a compromise: regenerated at once, the checklist lists the needs-update integrations until each is updated', async () => {
    expect(await t.h.state().token.generate(t.id)).toBe(true)
    const before = selectTokenView(t.h.state(), t.id)!.hint
    for (const name of ['CAD sync', 'Payroll']) {
      await t.h.state().integrations.add({
        name,
        owner: 'Dana',
        contact: 'dana@example.org',
        environment: 'development',
        instanceId: t.id,
      })
    }
    t.h.state().admin.openCompromise(t.id)
    expect(t.h.state().admin.compromiseFor).toBe(t.id)
    expect(await t.h.state().admin.reportCompromise(t.id, 'Leaked in a chat')).toBe(true)
    expect(t.h.state().admin.compromiseFor).toBeNull()
    expect(selectTokenView(t.h.state(), t.id)!.hint).not.toBe(before)

    let checklist = selectChecklist(t.h.state(), t.id)!
    expect(checklist.reason).toBe('Leaked in a chat')
    expect(checklist.items.map((item) => item.name).sort()).toEqual(['CAD sync', 'Payroll'])
    expect(checklist.remaining).toBe(2)
    for (const item of checklist.items) await t.h.state().integrations.markUpdated(item.id)
    checklist = selectChecklist(t.h.state(), t.id)!
    expect(checklist.remaining).toBe(0)
    t.h.state().admin.dismissChecklist(t.id)
    expect(selectChecklist(t.h.state(), t.id)).toBeNull()
  })

  it('a refused report stays in the dialog with its error; a First Due tenant goes to the guided regeneration', async () => {
    expect(await t.h.state().admin.reportCompromise(t.id, 'No token yet')).toBe(false)
    expect(t.h.state().admin.compromiseError?.code).toBe('no_token')

    const sandbox = t.h.state().instances.list[0]!
    const tenant = await t.h
      .state()
      .instances.add({ name: 'Tenant', kind: 'first-due', baseUrl: sandbox.baseUrl, environment: 'training' })
    t.h.state().admin.openCompromise(tenant!.id)
    expect(await t.h.state().admin.reportCompromise(tenant!.id, 'Shared by email')).toBe(true)
    expect(t.h.state().admin.compromiseFor).toBeNull()
    expect(t.h.state().verification.firstDue).toMatchObject({
      instanceId: tenant!.id,
      mode: 'regenerate',
      compromiseReason: 'Shared by email',
    })
  })
})

import { beforeEach, describe, expect, it } from 'vitest'
import { selectVisibleActivity } from '../../../renderer/src/store/activity'
import { selectDependents, selectVisibleIntegrations } from '../../../renderer/src/store/integrations'
import { eventually, useStartedHarness, type Harness } from './harness'

describe('store over the real core: integrations, settings, activity', () => {
  const started = useStartedHarness()
  let h: Harness
  let id: string
  beforeEach(() => {
    h = started.h()
    id = started.id()
  })

  it('adds, edits, filters and deletes integrations', async () => {
    const cad = await h.state().integrations.add({
      name: 'CAD sync',
      system: 'Tyler CAD',
      owner: 'Dana',
      environment: 'production',
      instanceId: id,
    })
    await h.state().integrations.add({
      name: 'Payroll',
      system: 'ADP',
      owner: 'Lee',
      environment: 'development',
      instanceId: id,
    })
    expect(h.state().integrations.list).toHaveLength(2)
    expect(selectDependents(h.state(), id)).toHaveLength(2)

    h.state().integrations.setFilter('tyler')
    expect(selectVisibleIntegrations(h.state()).map((i) => i.name)).toEqual(['CAD sync'])
    h.state().integrations.setFilter('local sandbox payroll') // every word must match; the instance name counts
    expect(selectVisibleIntegrations(h.state()).map((i) => i.name)).toEqual(['Payroll'])
    h.state().integrations.setFilter('')
    expect(selectVisibleIntegrations(h.state())).toHaveLength(2)

    const edited = await h.state().integrations.update(cad!.id, { notes: 'nightly at 02:00' })
    expect(edited?.notes).toBe('nightly at 02:00')
    expect(edited?.owner).toBe('Dana')

    expect(
      await h.state().integrations.add({ name: '', environment: 'production', instanceId: id }),
    ).toBeNull()
    expect(h.state().integrations.formError?.code).toBe('invalid_request')

    expect(await h.state().integrations.remove(cad!.id)).toBe(true)
    expect(h.state().integrations.list.map((i) => i.name)).toEqual(['Payroll'])
  })

  it('exports CSV and JSON through saveFile, and an import with a bad row imports nothing and lists the row', async () => {
    await h
      .state()
      .integrations.add({ name: 'CAD sync', owner: 'Dana', environment: 'production', instanceId: id })
    expect(await h.state().integrations.exportFile('csv')).toBe(true)
    expect(await h.state().integrations.exportFile('json')).toBe(true)
    const [csv, json] = h.saved
    expect(csv!.filename).toMatch(/\.csv$/)
    expect(csv!.text).toContain('CAD sync')
    expect(JSON.parse(json!.text).integrations[0].name).toBe('CAD sync')

    const bad = `name,environment,instanceId\nGood one,production,${id}\n,nowhere,${id}\n`
    expect(await h.state().integrations.importText('csv', bad)).toBe(false)
    const result = h.state().integrations.importResult
    expect(result && 'rows' in result && result.rows.some((row) => row.row === 2)).toBe(true)
    expect(h.state().integrations.list).toHaveLength(1)

    expect(
      await h
        .state()
        .integrations.importText('csv', `name,environment,instanceId\nGood one,production,${id}\n`),
    ).toBe(true)
    expect(h.state().integrations.importResult).toEqual({ imported: 1 })
    expect(h.state().integrations.list).toHaveLength(2)
  })

  it('updates settings, and keeps an invalid update out with its error', async () => {
    expect(h.state().settings.value?.reminderDays).toEqual([90, 30, 7])
    expect(await h.state().settings.update({ theme: 'dark', clipboardClearSeconds: 12 })).toBe(true)
    expect(h.state().settings.value).toMatchObject({ theme: 'dark', clipboardClearSeconds: 12 })
    expect(await h.state().settings.update({ reminderDays: [30, 30] })).toBe(false)
    expect(h.state().settings.updateError?.code).toBe('invalid_request')
    expect(h.state().settings.value?.reminderDays).toEqual([90, 30, 7])
  })

  it('shows activity newest first, live, and filters it', async () => {
    await h.state().token.generate(id)
    await h.state().token.copy(id)
    await h.state().activity.load()
    await eventually(() => h.state().activity.entries.some((entry) => entry.type === 'token.copied'))
    const entries = h.state().activity.entries
    const times = entries.map((entry) => entry.at)
    expect([...times].sort().reverse()).toEqual(times)
    h.state().activity.setFilter({ type: 'token.generated' })
    expect(selectVisibleActivity(h.state()).every((entry) => entry.type === 'token.generated')).toBe(true)
    expect(selectVisibleActivity(h.state()).length).toBeGreaterThan(0)
    h.state().activity.setFilter({ type: '', text: 'no such words anywhere' })
    expect(selectVisibleActivity(h.state())).toEqual([])
  })

  it('exports the calendar file for the token', async () => {
    await h.state().token.generate(id)
    expect(await h.state().token.exportCalendar(id)).toBe(true)
    const file = h.saved.at(-1)!
    expect(file.filename).toMatch(/\.ics$/)
    expect(file.text).toContain('BEGIN:VCALENDAR')
    expect(file.text).not.toMatch(/fdt_/)
  })

  it('refresh re-reads what missed events would have said (the preview bridge reconnected)', async () => {
    await h.api.integrations.add({ name: 'Added while away', environment: 'production', instanceId: id })
    await h.api.token.generate({ instanceId: id })
    // Forget what the events delivered, as a page that lost its socket would never have heard it.
    h.store.setState((state) => ({
      integrations: { ...state.integrations, list: [] },
      token: { ...state.token, byInstance: {} },
    }))
    await h.state().ui.refresh()
    expect(h.state().integrations.list.map((item) => item.name)).toEqual(['Added while away'])
    expect(h.state().token.byInstance[id]?.status).toBe('active')
  })
})

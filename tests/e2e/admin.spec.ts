import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { openAdmin, selectInstance, userRow } from './admin-helpers'
import { expect, openView, test } from './fixtures'
import { startService, statusWith, type StandaloneService } from './token-service'
import { addInstance, generateToken, revealToken, signIn, testToken, tokenCard } from './verify-helpers'

test.describe.configure({ timeout: 240_000 })

test('the sandbox: the API user has no Admin view; the demo admin sees the three demo users', async ({
  app: page,
}) => {
  const tabs = page.getByRole('navigation', { name: 'Views' })
  await expect(tabs.getByRole('button', { name: 'Token' })).toBeVisible()
  await expect(tabs.getByRole('button', { name: 'Admin' })).toHaveCount(0)

  await page
    .getByRole('group', { name: 'Sign in as demo user' })
    .getByRole('button', { name: 'Administrator' })
    .click()
  await expect(page.getByText('Signed in as Avery Admin')).toBeVisible()
  await openAdmin(page)
  const users = page.getByRole('table', { name: 'Users' })
  await expect(users.getByRole('row')).toHaveCount(4) // header + three users
  await expect(userRow(page, 'Avery Admin')).toContainText('Administrator')
  await expect(userRow(page, 'Integration Service')).toContainText('api@demo.test')
  await expect(userRow(page, 'Casey Crew')).toContainText('Crew')
  await expect(page.getByRole('switch', { name: 'API access for Casey Crew' })).not.toBeChecked()
  await expect(page.getByRole('switch', { name: 'API access for Integration Service' })).toBeChecked()
  await expect(userRow(page, 'Casey Crew')).toContainText('No token')
})

let service: StandaloneService
test.describe('one agency, its API user and its admin in two instances', () => {
  test.beforeEach(async () => {
    service = await startService()
  })
  test.afterEach(async () => {
    await service.remove()
  })

  test('two holders warned; disabling revokes the API user’s token (the card shows it); re-enable; audit filter and CSV export', async ({
    app: page,
  }) => {
    // The designated API user: a token, then a regenerate (both land in the audit trail).
    await addInstance(page, { name: 'Agency API', kind: 'token-service', baseUrl: service.baseUrl })
    await signIn(page, 'api@demo.test')
    const card = tokenCard(page)
    await generateToken(page)
    await card.getByRole('button', { name: 'Regenerate token' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Regenerate', exact: true }).click()
    await expect(page.getByRole('dialog')).toBeHidden()
    const apiToken = await revealToken(page)
    expect(await statusWith(service.baseUrl, apiToken)).toBe(200)

    // The admin holds a token too: First Due recommends one designated API user.
    await addInstance(page, { name: 'Agency Admin', kind: 'token-service', baseUrl: service.baseUrl })
    await signIn(page, 'admin@demo.test')
    await generateToken(page)
    await openAdmin(page)
    const warning = page
      .getByRole('alert')
      .filter({ hasText: 'First Due recommends one designated API user' })
    await expect(warning).toContainText('2 users hold an active token')
    await expect(warning).toContainText('Avery Admin')
    await expect(warning).toContainText('Integration Service')

    // Disabling asks first and says what it does.
    await page.getByRole('switch', { name: 'API access for Integration Service' }).click()
    const confirm = page.getByRole('dialog', { name: 'Disable API access for Integration Service?' })
    await expect(confirm).toContainText('revokes Integration Service’s token')
    await confirm.getByRole('button', { name: 'Cancel' }).click()
    await expect(page.getByRole('switch', { name: 'API access for Integration Service' })).toBeChecked()
    await page.getByRole('switch', { name: 'API access for Integration Service' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Disable', exact: true }).click()
    await expect(page.getByRole('switch', { name: 'API access for Integration Service' })).not.toBeChecked()
    await expect(userRow(page, 'Integration Service')).toContainText('No token')
    await expect(warning).toBeHidden()
    expect(await statusWith(service.baseUrl, apiToken)).toBe(401) // revoked on the service

    // The API user's card says so on its next test.
    await selectInstance(page, 'Agency API')
    await openView(page, 'Token')
    await expect(card.getByText('No token', { exact: true })).toBeVisible() // the service holds none for the user now
    expect(await testToken(page, 'GET /fd-api/v1/personnel')).toMatch(/^Invalid or revoked/) // and the copy held here is dead

    await selectInstance(page, 'Agency Admin')
    await openAdmin(page)
    await page.getByRole('switch', { name: 'API access for Integration Service' }).click() // enabling asks nothing
    await expect(page.getByRole('switch', { name: 'API access for Integration Service' })).toBeChecked()

    // The audit trail, newest first.
    const audit = page.getByRole('list', { name: 'Audit events' })
    await expect(audit.getByRole('listitem').first()).toContainText('api_access.enabled')
    for (const type of [
      'token.generated',
      'token.regenerated',
      'api_access.disabled',
      'api_access.enabled',
    ]) {
      await expect(audit.getByText(type, { exact: true }).first()).toBeVisible()
    }
    await page.getByLabel('Audit event type').selectOption('api_access.disabled')
    await expect(audit.getByRole('listitem')).toHaveCount(1)
    await expect(audit.getByRole('listitem')).toContainText('by Avery Admin · for Integration Service')
    await page.getByLabel('Audit event type').selectOption('')
    await page.getByLabel('Audit user').selectOption({ label: 'Integration Service' })
    // The events by or about that user: their own token events and what the admin did to their access, not the admin's token.
    await expect(audit.getByText('token.generated', { exact: true })).toHaveCount(1)
    await expect(audit.getByText('token.regenerated', { exact: true })).toHaveCount(1)
    await expect(audit.getByText('api_access.disabled', { exact: true })).toHaveCount(1)
    await page.getByLabel('Audit user').selectOption({ label: 'Avery Admin' })
    await expect(audit.getByText('token.regenerated', { exact: true })).toHaveCount(0)
    await page.getByLabel('Audit user').selectOption('')

    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^audit-agency-admin-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = await readFile((await download.path())!, 'utf8')
    const rows = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
    expect(rows.map((row) => row.type)).toEqual(
      expect.arrayContaining([
        'token.generated',
        'token.regenerated',
        'api_access.disabled',
        'api_access.enabled',
      ]),
    )
    expect(rows.find((row) => row.type === 'api_access.disabled')).toMatchObject({
      actor: 'Avery Admin <admin@demo.test>',
      subject: 'Integration Service <api@demo.test>',
    })
    expect(text).not.toContain(apiToken)
    expect(text).not.toContain('fdt_')

    await openView(page, 'Token') // the view still works after all of it
  })
})

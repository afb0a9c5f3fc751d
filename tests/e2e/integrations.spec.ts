import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { addIntegration, expect, openView, readClipboard, sandboxInstance, test } from './fixtures'

test.describe.configure({ timeout: 120_000 })

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  const file = await downloading
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') }
}

test('add, edit, filter, delete, export CSV and JSON', async ({ app: page }) => {
  await openView(page, 'Integrations')
  await expect(page.getByText('No integrations yet')).toBeVisible()
  await addIntegration(page, {
    name: 'CAD sync',
    system: 'Tyler CAD',
    owner: 'Dana Ortiz',
    contact: 'dana@example.org',
    notes: 'nightly',
  })
  await addIntegration(page, { name: 'Payroll export', system: 'ADP', owner: 'Lee Park' })
  const table = page.getByRole('table')
  await expect(table.getByRole('columnheader')).toHaveText([
    'Name',
    'System',
    'Owner',
    'Environment',
    'Token',
    'Status',
    'Notes',
    'Actions',
  ])
  await expect(table.getByRole('row', { name: 'CAD sync' })).toContainText('Local sandbox')

  // Edit
  await page.getByRole('button', { name: 'Edit Payroll export' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit Payroll export' })
  await expect(dialog.getByLabel('Token (instance)')).toHaveValue((await sandboxInstance(page)).id)
  await dialog.getByLabel('Notes').fill('weekly on Fridays')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(table.getByRole('row', { name: 'Payroll export' })).toContainText('weekly on Fridays')

  // Filter
  const filter = page.getByLabel('Filter integrations')
  await filter.fill('tyler')
  await expect(table.getByRole('row', { name: 'CAD sync' })).toBeVisible()
  await expect(table.getByRole('row', { name: 'Payroll export' })).toHaveCount(0)
  await expect(page.getByText('Showing 1 of 2')).toBeVisible()
  await filter.fill('')
  await expect(page.getByText('Showing 2 of 2')).toBeVisible()

  // Exports
  const csv = await download(page, 'Export CSV')
  expect(csv.name).toMatch(/\.csv$/)
  expect(csv.text).toContain('CAD sync')
  expect(csv.text).toContain('weekly on Fridays')
  expect(csv.text).not.toContain('fdt_')
  const json = await download(page, 'Export JSON')
  expect(json.name).toMatch(/\.json$/)
  const names = (JSON.parse(json.text) as { integrations: { name: string }[] }).integrations
    .map((item) => item.name)
    .sort()
  expect(names).toEqual(['CAD sync', 'Payroll export'])

  // Delete with confirmation
  await page.getByRole('button', { name: 'Delete CAD sync' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click()
  await expect(table.getByRole('row', { name: 'CAD sync' })).toHaveCount(0)
  await expect(page.getByText('Showing 1 of 1')).toBeVisible()
})

test('an import with a bad row imports nothing and shows every row error', async ({ app: page }) => {
  await openView(page, 'Integrations')
  const { id } = await sandboxInstance(page)
  const csv = [
    'name,environment,instanceId',
    `Good one,production,${id}`,
    `,production,${id}`,
    `Third,nowhere,${id}`,
  ].join('\n')
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import' }).click()
  await (await choosing).setFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  const errors = page.getByRole('alert').filter({ hasText: 'Nothing was imported' })
  await expect(errors).toBeVisible()
  await expect(errors.getByRole('listitem').filter({ hasText: /^Row 2:/ })).toBeVisible()
  await expect(errors.getByRole('listitem').filter({ hasText: /^Row 3:/ })).toBeVisible()
  await expect(page.getByText('No integrations yet')).toBeVisible()

  const good = ['name,environment,instanceId', `Good one,production,${id}`].join('\n')
  const again = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import' }).click()
  await (await again).setFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(good) })
  await expect(page.getByText('Imported 1 integration.')).toBeVisible()
  await expect(page.getByRole('row', { name: 'Good one' })).toBeVisible()
})

test('a token pasted into an integration’s notes is refused and nothing is saved', async ({ app: page }) => {
  await openView(page, 'Token')
  const card = page.getByRole('region', { name: 'API token' })
  await card.getByRole('button', { name: 'Generate token', exact: true }).click()
  await card.getByRole('button', { name: 'Copy token' }).click()
  await expect(card.getByRole('status').filter({ hasText: /Copied — clears in \d+ s/ })).toBeVisible()
  const token = await readClipboard(page)
  expect(token).toMatch(/^fdt_/)

  await openView(page, 'Integrations')
  await page.getByRole('button', { name: 'Add integration' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add integration' })
  await dialog.getByLabel('Name').fill('CAD sync')
  await dialog.getByLabel('Notes').fill(`uses ${token}`)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByText(/Leave the API token out of notes/)).toBeVisible()
  await expect(dialog.getByText(/^notes: holds an API token/)).toBeVisible()
  await dialog.getByLabel('Notes').fill('uses the sandbox token (kept in Token Desk)')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('table').getByRole('row', { name: 'CAD sync' })).toContainText('kept in Token Desk')
})

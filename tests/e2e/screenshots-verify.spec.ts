import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { openAdmin } from './admin-helpers'
import { expect, test } from './fixtures'
import { generateToken, registerIntegrations, testToken, tokenCard } from './verify-helpers'

test.describe.configure({ timeout: 180_000 })
test.use({ viewport: { width: 1280, height: 800 } })

const folder = resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots')

/** The page as it is, once per color scheme, as docs/screenshots/<name>-light.png and -dark.png. */
async function capture(page: Page, name: string, fullPage = false) {
  await page.mouse.move(0, 0)
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: join(folder, `${name}-${colorScheme}.png`), fullPage })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('Test token, compromise checklist and the Admin view, light and dark, to docs/screenshots', async ({
  app: page,
}) => {
  await registerIntegrations(page, [
    { name: 'CAD sync', system: 'Tyler CAD', owner: 'Dana Ortiz', contact: 'dana@example.org' },
    { name: 'GIS stations layer', system: 'ArcGIS', owner: 'Sam Reyes', contact: '555-0142' },
  ])
  const card = tokenCard(page)
  await generateToken(page)
  expect(await testToken(page, 'GET /fd-api/v1/stations')).toMatch(/^OK/)
  await capture(page, 'test-token')
  expect(await testToken(page, 'GET /fd-api/v1/fire-incidents')).toMatch(/^Permission denied/)
  await card.getByRole('button', { name: 'Review permissions' }).click()
  await capture(page, 'test-token-denied', true)
  await card.getByRole('button', { name: 'Hide permission review' }).click()

  await card.getByRole('button', { name: 'Report compromise' }).click()
  await page.getByRole('dialog').getByLabel('Reason').fill('Token pasted into a public chat channel')
  await capture(page, 'compromise-dialog')
  await page.getByRole('dialog').getByRole('button', { name: 'Regenerate now' }).click()
  const checklist = page.getByRole('region', { name: /Compromise response/ })
  await checklist
    .getByRole('listitem', { name: 'GIS stations layer' })
    .getByRole('button', { name: 'Mark updated' })
    .click()
  await expect(checklist).toContainText('1 integration still to update')
  await capture(page, 'compromise-checklist', true)

  // The admin holds a token too: the Admin view warns about the two holders.
  await page
    .getByRole('group', { name: 'Sign in as demo user' })
    .getByRole('button', { name: 'Administrator' })
    .click()
  await expect(page.getByText('Signed in as Avery Admin')).toBeVisible()
  await expect(card.getByText('No token', { exact: true })).toBeVisible()
  await generateToken(page)
  await openAdmin(page)
  await expect(page.getByText('First Due recommends one designated API user')).toBeVisible()
  await capture(page, 'admin', true)
})

import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { addIntegration, expect, openView, test } from './fixtures'

test.describe.configure({ timeout: 180_000 })
test.use({ viewport: { width: 1280, height: 800 } })

const folder = resolve(import.meta.dirname, '..', '..', 'docs', 'screenshots')
const schemes = ['light', 'dark'] as const

async function shoot(page: Page, name: string) {
  for (const colorScheme of schemes) {
    await page.emulateMedia({ colorScheme })
    await page.screenshot({ path: join(folder, `${name}-${colorScheme}.png`) })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('each main view, light and dark, to docs/screenshots', async ({ app: page }) => {
  await openView(page, 'Integrations')
  await addIntegration(page, {
    name: 'CAD sync',
    system: 'Tyler CAD',
    owner: 'Dana Ortiz',
    contact: 'dana@example.org',
    notes: 'Nightly incident export',
  })
  await addIntegration(page, {
    name: 'Payroll export',
    system: 'ADP',
    owner: 'Lee Park',
    contact: 'lee@example.org',
    notes: 'Weekly, Fridays',
  })
  await addIntegration(page, {
    name: 'GIS stations layer',
    system: 'ArcGIS',
    owner: 'Sam Reyes',
    notes: 'Reads /stations',
  })

  await openView(page, 'Token')
  await shoot(page, 'token-none')
  await page.getByRole('button', { name: 'Generate token', exact: true }).click()
  await expect(page.getByText('Active', { exact: true }).first()).toBeVisible()
  await page.getByRole('button', { name: 'Regenerate token' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await shoot(page, 'regenerate-dialog')
  await page.getByRole('dialog').getByRole('button', { name: 'Regenerate', exact: true }).click()
  await expect(page.getByRole('region', { name: /3 integrations need the new token/ })).toBeVisible()
  await page
    .getByRole('listitem', { name: 'GIS stations layer' })
    .getByRole('button', { name: 'Mark updated' })
    .click()
  await page.mouse.move(0, 0)
  await shoot(page, 'token')

  await openView(page, 'Integrations')
  await shoot(page, 'integrations')
  await openView(page, 'Activity')
  await expect(page.getByRole('list', { name: 'Activity log' })).toBeVisible()
  await shoot(page, 'activity')
  await openView(page, 'Settings')
  await shoot(page, 'settings')

  // The theme setting overrides the OS: Dark while the OS is light.
  await page.getByRole('radio', { name: 'Dark' }).check()
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe('rgb(18, 22, 28)')
  await page.getByRole('radio', { name: 'System' }).check()
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
    .toBe('rgb(245, 246, 248)')

  await openView(page, 'Token')
  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('region', { name: /Sign in to Local sandbox/ })).toBeVisible()
  await shoot(page, 'sign-in')
})

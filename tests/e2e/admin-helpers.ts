import { expect, type Page } from '@playwright/test'

/** Opens the Admin view (present only for users with users.read). */
export async function openAdmin(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Admin' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Admin' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Users' })).toBeVisible({ timeout: 30_000 })
}

/** Makes an instance in the sidebar the active one. */
export async function selectInstance(page: Page, name: string) {
  const button = page
    .getByRole('navigation', { name: 'Instances' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
  await button.click()
  await expect(button).toHaveAttribute('aria-current', 'true')
}

export const userRow = (page: Page, name: string) =>
  page.getByRole('table', { name: 'Users' }).getByRole('row', { name })

import { test as base, expect, type Page } from '@playwright/test'
import type { Instance } from '@shared/contract'
import { startPreview, type Preview } from './preview'

type Fixtures = {
  /** Passed to the preview as --now (the embedded sandbox's clock). */
  previewNow: string | undefined
  preview: Preview
  /** The page, opened on the preview's URL with clipboard access granted, once the token view is up. */
  app: Page
}

export const test = base.extend<Fixtures>({
  previewNow: [undefined, { option: true }],
  preview: async ({ previewNow }, use) => {
    const preview = await startPreview(previewNow ? { now: previewNow } : {})
    try {
      await use(preview)
    } finally {
      await preview.stop()
    }
  },
  app: async ({ page, context, preview }, use) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: preview.origin })
    await page.goto(preview.url)
    await expect(page.getByRole('heading', { level: 2, name: 'API token' })).toBeVisible({ timeout: 30_000 })
    await use(page)
  },
})

export { expect }

/** The sandbox instance, read through the page's own window.tokenDesk (the preview's real bridge). */
export async function sandboxInstance(page: Page): Promise<Instance> {
  const result = await page.evaluate(() => window.tokenDesk!.instances.list())
  if (!result.ok) throw new Error(result.error.message)
  const sandbox = result.value.find((instance) => instance.isSandbox)
  if (!sandbox) throw new Error('no sandbox instance')
  return sandbox
}

/** What the browser's clipboard (= the user's clipboard in the preview) holds now. */
export const readClipboard = (page: Page): Promise<string> =>
  page.evaluate(() => navigator.clipboard.readText())

export async function openView(
  page: Page,
  name: 'Token' | 'Integrations' | 'Activity' | 'Settings',
): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click()
  await expect(
    page.getByRole('heading', { level: 2, name: name === 'Token' ? 'API token' : name }),
  ).toBeVisible()
}

/** Adds one integration through the form. */
export async function addIntegration(
  page: Page,
  fields: { name: string; system?: string; owner?: string; contact?: string; notes?: string },
) {
  await page.getByRole('button', { name: 'Add integration' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add integration' })
  await dialog.getByLabel('Name').fill(fields.name)
  if (fields.system) await dialog.getByLabel('System').fill(fields.system)
  if (fields.owner) await dialog.getByLabel('Owner').fill(fields.owner)
  if (fields.contact) await dialog.getByLabel('Contact').fill(fields.contact)
  if (fields.notes) await dialog.getByLabel('Notes').fill(fields.notes)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
}

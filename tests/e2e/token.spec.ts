import { createKeyringSecretStore, secretAccounts } from '../../electron/main/services/secret-store'
import { addIntegration, expect, openView, readClipboard, sandboxInstance, test } from './fixtures'

test.describe.configure({ timeout: 150_000 })

test('first run: No token → Generate → Copy (then cleared) → Reveal → Regenerate (old token rejected) → Mark updated → Remove', async ({
  app: page,
}) => {
  const card = page.getByRole('region', { name: 'API token' })
  await expect(card.getByText('No token', { exact: true })).toBeVisible()

  // A short clipboard timeout so the clearing can be watched.
  await openView(page, 'Settings')
  await page.getByLabel('Clear the clipboard after (seconds)').fill('5')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Settings saved.')).toBeVisible()

  await openView(page, 'Integrations')
  await addIntegration(page, {
    name: 'CAD sync',
    system: 'Tyler CAD',
    owner: 'Dana Ortiz',
    contact: 'dana@example.org',
  })

  await openView(page, 'Token')
  await card.getByRole('button', { name: 'Generate token', exact: true }).click()
  await expect(card.getByText('Active', { exact: true })).toBeVisible()
  await expect(card.getByText(/\d+ days left/)).toBeVisible()
  const masked = await card.getByLabel('Token (masked)').textContent()
  expect(masked).toMatch(/^fdt_••••….{4}$/)
  const hint = masked!.slice(-4)

  await card.getByRole('button', { name: 'Copy token' }).click()
  await expect(card.getByRole('status').filter({ hasText: /Copied — clears in \d+ s/ })).toBeVisible()
  const oldToken = await readClipboard(page)
  expect(oldToken).toMatch(new RegExp(`^fdt_.+${hint}$`))
  await expect.poll(() => readClipboard(page), { timeout: 20_000 }).toBe('')
  await expect(card.getByText(/Copied — clears in/)).toBeHidden()

  const reveal = card.getByRole('button', { name: 'Reveal token' })
  await expect(reveal).toHaveAttribute('aria-pressed', 'false')
  await reveal.click()
  await expect(reveal).toHaveAttribute('aria-pressed', 'true')
  await expect(card.getByLabel('Token (revealed)')).toHaveText(oldToken)
  await expect(reveal).toHaveAttribute('aria-pressed', 'false', { timeout: 15_000 }) // re-masked after 10 s
  await expect(card.getByLabel('Token (masked)')).toHaveText(masked!)

  // Regenerate: the dialog names the integration; the rest of the page is inert.
  await card.getByRole('button', { name: 'Regenerate token' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('CAD sync')
  // Modal: the page behind it is inert, so its buttons cannot be clicked.
  expect(await dialog.evaluate((element) => element.matches(':modal'))).toBe(true)
  await expect(
    card.getByRole('button', { name: 'Remove token' }).click({ trial: true, timeout: 1500 }),
  ).rejects.toThrow()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await card.getByRole('button', { name: 'Regenerate token' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Regenerate', exact: true }).click()
  await expect(card.getByLabel('Token (masked)')).not.toHaveText(masked!)

  // The service rejects the old token from now on.
  const { baseUrl } = await sandboxInstance(page)
  const response = await fetch(`${baseUrl}/me`, { headers: { Authorization: `Bearer ${oldToken}` } })
  expect(response.status).toBe(401)
  expect((await response.json()).code).toBe('token_invalid')

  const banner = page.getByRole('region', { name: /1 integration needs the new token/ })
  await expect(banner).toBeVisible()
  await banner
    .getByRole('listitem', { name: 'CAD sync' })
    .getByRole('button', { name: 'Mark updated' })
    .click()
  await expect(banner).toBeHidden()
  await openView(page, 'Integrations')
  await expect(page.getByRole('row', { name: 'CAD sync' })).toContainText('Current')

  await openView(page, 'Token')
  await card.getByRole('button', { name: 'Remove token' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Remove', exact: true }).click()
  await expect(card.getByText('No token', { exact: true })).toBeVisible()
})

test('the generate / copy path with the keyboard alone', async ({ app: page }) => {
  const focusNext = async (label: string) => {
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent,
      )
      if (focused === label) return
    }
    throw new Error(`Tab never reached "${label}"`)
  }
  await focusNext('Generate token')
  await expect(
    page.getByRole('tooltip', { includeHidden: true }).filter({ hasText: /^Generate token$/ }),
  ).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByText('Active', { exact: true }).first()).toBeVisible()
  await focusNext('Copy token')
  await page.keyboard.press('Enter')
  await expect(page.getByText(/Copied — clears in \d+ s/)).toBeVisible()
  expect(await readClipboard(page)).toMatch(/^fdt_/)

  // Regenerate's dialog opens and closes from the keyboard too (Escape = Cancel).
  await focusNext('Regenerate token')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()
})

test('icon buttons carry exact names and matching tooltips; Export calendar saves an .ics file', async ({
  app: page,
}) => {
  const card = page.getByRole('region', { name: 'API token' })
  for (const name of ['Generate token', 'Copy token', 'Regenerate token', 'Remove token']) {
    const button = card.getByRole('button', { name, exact: true })
    await expect(button).toHaveCount(1)
    await expect(button.locator('.tooltip')).toHaveText(name)
  }
  await card.getByRole('button', { name: 'Generate token', exact: true }).click()
  const downloading = page.waitForEvent('download')
  await card.getByRole('button', { name: 'Export calendar (.ics)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.ics$/)
  const { readFile } = await import('node:fs/promises')
  const text = await readFile((await download.path())!, 'utf8')
  expect(text).toContain('BEGIN:VCALENDAR')
  expect(text).toContain('BEGIN:VALARM')
  expect(text).not.toContain('fdt_')
})

test('a token regenerated elsewhere is shown as "Replaced elsewhere" and the new one can be pasted', async ({
  app: page,
}) => {
  const card = page.getByRole('region', { name: 'API token' })
  await card.getByRole('button', { name: 'Generate token', exact: true }).click()
  await expect(card.getByText('Active', { exact: true })).toBeVisible()

  // Someone regenerates the same user's token outside Token Desk (a session of their own on the service).
  const { id, baseUrl } = await sandboxInstance(page)
  const password = await createKeyringSecretStore().get(secretAccounts.demoPassword(id))
  const session = await fetch(`${baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', email: 'api@demo.test', password }),
  })
  const { access_token: elsewhere } = (await session.json()) as { access_token: string }
  const regenerated = await fetch(`${baseUrl}/user-token/regenerate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${elsewhere}` },
  })
  const { token: newToken, expires_at: expiresAt } = (await regenerated.json()) as {
    token: string
    expires_at: string
  }

  await page.reload()
  const alert = card.getByRole('alert').filter({ hasText: 'Replaced elsewhere.' })
  await expect(alert).toBeVisible({ timeout: 30_000 })
  await alert.getByLabel('New token').fill(newToken)
  const local = new Date(expiresAt)
  const day = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`
  await alert.getByLabel('Expiration date').fill(day)
  await alert.getByRole('button', { name: 'Save pasted token' }).click()
  await expect(alert).toBeHidden()
  await expect(card.getByLabel('Token (masked)')).toHaveText(`fdt_••••…${newToken.slice(-4)}`)
})

import { expect, type Locator, type Page } from '@playwright/test'
import { addIntegration, openView } from './fixtures'
import { DEMO_PASSWORD } from './token-service'

/** The token card of the active instance. */
export const tokenCard = (page: Page): Locator => page.getByRole('region', { name: 'API token' })

/** Picks an endpoint (by its label, e.g. `GET /fd-api/v1/stations`), presses Test token, returns the result's text. */
export async function testToken(page: Page, endpoint?: string): Promise<string> {
  const card = tokenCard(page)
  const select = card.getByLabel('Endpoint')
  if (endpoint) {
    await expect(select.locator('option', { hasText: endpoint })).toHaveCount(1)
    await select.selectOption(endpoint)
  }
  const result = card.locator('p[role="status"].verification')
  const before = (await result.count()) ? await result.getAttribute('data-at') : null
  await card.getByRole('button', { name: 'Test token' }).click()
  // Each result carries its own time: wait for a new one (a repeated test may give the very same words).
  await expect
    .poll(async () => ((await result.count()) ? await result.getAttribute('data-at') : null), {
      timeout: 30_000,
    })
    .not.toBe(before)
  return (await result.textContent()) ?? ''
}

/** Adds an instance through the sidebar's Add instance form; a First Due tenant also takes its token. */
export async function addInstance(
  page: Page,
  fields: {
    name: string
    kind: 'token-service' | 'first-due'
    baseUrl: string
    environment?: string
    token?: string
    expiry?: string
  },
) {
  await page
    .getByRole('navigation', { name: 'Instances' })
    .getByRole('button', { name: 'Add instance' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Add instance' })
  await dialog.getByLabel('Name').fill(fields.name)
  await dialog.getByLabel('Kind').selectOption(fields.kind)
  await dialog.getByLabel('Base URL').fill(fields.baseUrl)
  await dialog.getByLabel('Environment').selectOption(fields.environment ?? 'development')
  if (fields.token !== undefined) await dialog.getByLabel('Token', { exact: true }).fill(fields.token)
  if (fields.expiry !== undefined) await dialog.getByLabel('Expiration date').fill(fields.expiry)
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden({ timeout: 30_000 })
  await expect(
    page
      .getByRole('navigation', { name: 'Instances' })
      .getByRole('button', { name: new RegExp(fields.name) })
      .first(),
  ).toHaveAttribute('aria-current', 'true')
}

/** Signs in through the sign-in form of the active instance. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  const form = page.getByRole('region', { name: /Sign in to|session has expired/ })
  await form.getByLabel('Email').fill(email)
  await form.getByLabel('Password').fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await expect(tokenCard(page)).toBeVisible({ timeout: 30_000 })
}

/** Reveals the stored token through the card and returns it (to check it against the service). */
export async function revealToken(page: Page): Promise<string> {
  const card = tokenCard(page)
  await card.getByRole('button', { name: 'Reveal token' }).click()
  const text = (await card.getByLabel('Token (revealed)').textContent()) ?? ''
  await card.getByRole('button', { name: 'Reveal token' }).click()
  return text
}

/** Generate token on the active instance's card, and wait until it is Active. */
export async function generateToken(page: Page) {
  const card = tokenCard(page)
  await card.getByRole('button', { name: 'Generate token', exact: true }).click()
  await expect(card.getByText('Active', { exact: true })).toBeVisible({ timeout: 30_000 })
}

type IntegrationFields = Parameters<typeof addIntegration>[1]

/** Adds integrations (for the active instance) in the register, then comes back to the Token view. */
export async function registerIntegrations(page: Page, integrations: IntegrationFields[]) {
  await openView(page, 'Integrations')
  for (const fields of integrations) await addIntegration(page, fields)
  await openView(page, 'Token')
}

/** Report compromise with a reason; `confirm` is the dialog's button (it differs for First Due tenants). */
export async function reportCompromise(page: Page, reason: string, confirm = 'Regenerate now') {
  await tokenCard(page).getByRole('button', { name: 'Report compromise' }).click()
  const dialog = page.getByRole('dialog', { name: /Report a compromised token/ })
  await dialog.getByLabel('Reason').fill(reason)
  await dialog.getByRole('button', { name: confirm }).click()
  await expect(dialog).toBeHidden()
}

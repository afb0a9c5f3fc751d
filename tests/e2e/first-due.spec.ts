import { addIntegration, expect, openView, test } from './fixtures'
import {
  signInOverHttp,
  startService,
  statusWith,
  tokenOverHttp,
  type StandaloneService,
} from './token-service'
import { addInstance, testToken, tokenCard } from './verify-helpers'

test.describe.configure({ timeout: 180_000 })

/** A real First Due tenant's behaviour: a standalone service answering every auth failure with a bare 403. */
let service: StandaloneService
test.beforeEach(async () => {
  service = await startService({ authErrors: 'first-due' })
})
test.afterEach(async () => {
  await service.remove()
})

/** The token a user would copy from First Due's web UI, and the expiration date it shows. */
async function tokenFromTheWebUi(mode: 'generate' | 'regenerate') {
  const session = await signInOverHttp(service.baseUrl, 'api@demo.test')
  return tokenOverHttp(service.baseUrl, session, mode)
}

test('a First Due tenant: add with a pasted token, verify (OK and the 403 classification), guided regeneration, remove', async ({
  app: page,
}) => {
  const first = await tokenFromTheWebUi('generate')
  const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10)

  // The form asks for the token and the expiration date First Due shows (default: a year from today).
  await page
    .getByRole('navigation', { name: 'Instances' })
    .getByRole('button', { name: 'Add instance' })
    .click()
  const form = page.getByRole('dialog', { name: 'Add instance' })
  await expect(form.getByLabel('Base URL')).toHaveValue('https://sizeup.firstduesizeup.com/fd-api/v1')
  await expect(form.getByLabel('Token', { exact: true })).toHaveAttribute('type', 'password')
  await expect(form.getByLabel('Expiration date')).toHaveValue(nextYear)
  await form.getByRole('button', { name: 'Cancel' }).click()

  await addInstance(page, {
    name: 'Fairview FD',
    kind: 'first-due',
    baseUrl: service.baseUrl,
    token: first,
    expiry: nextYear,
  })
  const card = tokenCard(page)
  await expect(card.getByText('Active', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: /Sign in to/ })).toBeHidden() // no sign-in for a tenant
  await expect(card.getByLabel('Token (masked)')).toHaveText(new RegExp(`${first.slice(-4)}$`))

  // Whether the role has a permission cannot be asked of First Due: the review says Unknown.
  await card.getByRole('button', { name: 'Review permissions' }).click()
  await expect(card.getByRole('row', { name: 'GET /fd-api/v1/stations' })).toContainText('Unknown')

  expect(await testToken(page, 'GET /fd-api/v1/stations')).toMatch(/^OK: 6 records returned/)
  // First Due answers 403 with no code: not expired (by the stored date), so the FAQ's two causes are named.
  expect(await testToken(page, 'GET /fd-api/v1/fire-incidents')).toMatch(
    /^Invalid or revoked, or missing permission/,
  )

  await openView(page, 'Integrations')
  await addIntegration(page, { name: 'Records sync', owner: 'Lee Park', contact: 'lee@example.org' })
  await openView(page, 'Token')

  // Guided regeneration: First Due's web UI, then the new token and its date.
  await card.getByRole('button', { name: 'Regenerate token' }).click()
  const guide = page.getByRole('dialog', { name: /Regenerate the token for Fairview FD/ })
  await guide.getByRole('button', { name: 'Open First Due' }).click()
  // The preview opens no links (and only First Due's https sites are ever opened): the address is shown to copy.
  await expect(guide.getByRole('status')).toContainText(new URL(service.baseUrl).origin)
  const second = await tokenFromTheWebUi('regenerate')
  await guide.getByLabel('Token', { exact: true }).fill(second)
  await guide.getByRole('button', { name: 'Save new token' }).click()
  await expect(guide).toBeHidden()
  await expect(card.getByLabel('Token (masked)')).toHaveText(new RegExp(`${second.slice(-4)}$`))
  expect(await statusWith(service.baseUrl, first)).toBe(403) // the old one is dead in "First Due"
  expect(await testToken(page, 'GET /fd-api/v1/stations')).toMatch(/^OK/)
  const banner = page.getByRole('region', { name: /1 integration needs the new token/ })
  await expect(banner).toContainText('Records sync')

  // Remove: the local copy goes; the reminder says to remove it in First Due too (it still works there).
  await card.getByRole('button', { name: 'Remove token' }).click()
  const removing = page.getByRole('dialog', { name: /Remove the token for Fairview FD/ })
  await expect(removing).toContainText('User menu → USER TOKEN → X')
  await removing.getByRole('button', { name: 'Remove', exact: true }).click()
  await expect(card.getByText('No token', { exact: true })).toBeVisible()
  await expect(page.getByText(/remove it in First Due too: User menu → USER TOKEN → X/)).toBeVisible()
  expect(await statusWith(service.baseUrl, second, '/stations')).toBe(200)
})

test('a tenant whose stored expiry has passed → Expired, even though First Due only says 403', async ({
  app: page,
}) => {
  const token = await tokenFromTheWebUi('generate')
  await addInstance(page, {
    name: 'Old tenant',
    kind: 'first-due',
    baseUrl: service.baseUrl,
    token,
    expiry: '2026-01-01',
  })
  const card = tokenCard(page)
  await expect(card.getByText('Expired', { exact: true })).toBeVisible()
  // The service still accepts it (its own date is a year out): Token Desk's stored date decides only on a 403.
  expect(await testToken(page, 'GET /fd-api/v1/stations')).toMatch(/^OK/)
  expect(await testToken(page, 'GET /fd-api/v1/fire-incidents')).toMatch(/^Expired/)
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { startPreview } from './preview'

test.describe.configure({ timeout: 120_000 })

test('sign-in failure, the lock with its wait time, and sign in as demo user', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Sign out' }).click()
  const form = page.getByRole('region', { name: /Sign in to Local sandbox/ })
  await expect(form).toBeVisible()

  await form.getByLabel('Email').fill('api@demo.test')
  await form.getByLabel('Password').fill('not-the-password')
  await form.getByRole('button', { name: 'Sign in' }).click()
  await expect(form.getByRole('alert')).toHaveText(
    'That email and password do not match. Check them and try again.',
  )

  for (let attempt = 0; attempt < 5; attempt++) await form.getByRole('button', { name: 'Sign in' }).click()
  await expect(form.getByRole('alert')).toContainText(
    /Sign-in is locked — try again in \d+ (seconds?|minutes?)\./,
  )

  await form
    .getByRole('group', { name: 'Sign in as demo user' })
    .getByRole('button', { name: 'Administrator' })
    .click()
  await expect(page.getByText(/Signed in as .*\(admin@demo\.test\)/)).toBeVisible()
  await expect(page.getByRole('heading', { name: 'API token' })).toBeVisible()
})

test('errors from the service are shown in plain words (API access disabled for the crew user)', async ({
  app: page,
}) => {
  await page
    .getByRole('group', { name: 'Sign in as demo user' })
    .getByRole('button', { name: 'Crew' })
    .click()
  await expect(page.getByText(/\(crew@demo\.test\)/)).toBeVisible()
  await page.getByRole('button', { name: 'Generate token', exact: true }).click()
  await expect(page.getByRole('alert')).toHaveText(
    /API access is disabled for this user\. An administrator must enable it/,
  )
})

test('a year later: the session has expired and so has the token', async ({ page, context }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-desk-e2e-later-'))
  try {
    const first = await startPreview({ dataDir })
    try {
      await page.goto(first.url)
      await page.getByRole('button', { name: 'Generate token', exact: true }).click()
      await expect(page.getByText('Active', { exact: true }).first()).toBeVisible({ timeout: 30_000 })
    } finally {
      await first.stop()
    }
    const later = await startPreview({ dataDir, now: new Date(Date.now() + 400 * 86_400_000).toISOString() })
    try {
      await context.clearCookies()
      await page.goto(later.url)
      const prompt = page.getByRole('region', { name: 'Your session has expired — sign in again' })
      await expect(prompt).toBeVisible({ timeout: 30_000 })
      await prompt
        .getByRole('group', { name: 'Sign in as demo user' })
        .getByRole('button', { name: 'API user' })
        .click()
      const card = page.getByRole('region', { name: 'API token' })
      await expect(card.getByText('Expired', { exact: true })).toBeVisible()
      await expect(card.getByText(/expired \d+ days ago/)).toBeVisible()
    } finally {
      await later.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

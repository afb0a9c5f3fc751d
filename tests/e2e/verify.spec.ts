import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { startPreview } from './preview'
import { startService, signInOverHttp, tokenOverHttp } from './token-service'
import { addInstance, generateToken, revealToken, signIn, testToken, tokenCard } from './verify-helpers'

test.describe.configure({ timeout: 180_000 })

test('permission review before the first token; fire-incidents → Permission denied (fire_incidents.read); stations → OK; last verified', async ({
  app: page,
}) => {
  const card = tokenCard(page)
  await expect(card.getByText('No token', { exact: true })).toBeVisible()
  // Before a token exists the review is shown: the API user's role lacks fire_incidents.read.
  const review = card.getByRole('table', { name: 'Permission review' })
  await expect(review.getByRole('row', { name: 'GET /fd-api/v1/fire-incidents' })).toContainText(
    'fire_incidents.readNo',
  )
  await expect(review.getByRole('row', { name: 'GET /fd-api/v1/stations' })).toContainText('stations.readYes')
  await expect(review.getByRole('row')).toHaveCount(5) // header + the four catalog endpoints

  await generateToken(page)
  await expect(review).toBeHidden() // on demand from now on
  await card.getByRole('button', { name: 'Review permissions' }).click()
  await expect(review).toBeVisible()
  await card.getByRole('button', { name: 'Hide permission review' }).click()

  const endpoint = card.getByLabel('Endpoint')
  await expect(endpoint.locator('option')).toHaveText([
    'GET /fd-api/v1/personnel',
    'GET /fd-api/v1/dispatches',
    'GET /fd-api/v1/fire-incidents',
    'GET /fd-api/v1/stations',
  ])
  await expect(endpoint).toHaveValue('GET /fd-api/v1/personnel') // the first one the role may call

  const denied = await testToken(page, 'GET /fd-api/v1/fire-incidents')
  expect(denied).toMatch(/^Permission denied/)
  expect(denied).toContain('fire_incidents.read')
  expect(denied).toContain('administrator')

  const ok = await testToken(page, 'GET /fd-api/v1/stations')
  await expect(card.getByRole('status').filter({ hasText: /^OK/ })).toBeVisible()
  expect((await card.locator('p[role="status"].verification').textContent()) ?? ok).toMatch(
    /^OK: 6 records returned/,
  )
  // The card's "Last verified" takes the latest result.
  await expect(card.locator('.details')).toContainText(/Last verified.*OK: 6 records/)
})

test('a token past its expiry (the preview restarted a year and more later) → Expired', async ({
  browser,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-desk-e2e-expired-'))
  try {
    const first = await startPreview({ dataDir, now: '2026-01-10T10:00:00Z' })
    try {
      const page = await browser.newPage()
      await page.goto(first.url)
      await generateToken(page)
      await page.close()
    } finally {
      await first.stop()
    }
    const later = await startPreview({ dataDir, now: '2027-03-01T10:00:00Z' })
    try {
      const page = await browser.newPage()
      await page.goto(later.url)
      // The 14-day session ran out long ago: sign in again as the demo API user.
      await page
        .getByRole('group', { name: 'Sign in as demo user' })
        .getByRole('button', { name: 'API user' })
        .click()
      const result = await testToken(page, 'GET /fd-api/v1/stations')
      expect(result).toMatch(/^Expired/)
      await page.close()
    } finally {
      await later.stop()
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
})

test('a token regenerated out of band → Invalid or revoked; the service stopped → Network error', async ({
  app: page,
}) => {
  const service = await startService()
  try {
    await addInstance(page, { name: 'County service', kind: 'token-service', baseUrl: service.baseUrl })
    await signIn(page, 'api@demo.test')
    await generateToken(page)
    expect(await testToken(page, 'GET /fd-api/v1/personnel')).toMatch(/^OK: 12 records/)
    const mine = await revealToken(page)

    // Someone regenerates it elsewhere (another machine, a script): the copy Token Desk holds is dead.
    const session = await signInOverHttp(service.baseUrl, 'api@demo.test')
    const theirs = await tokenOverHttp(service.baseUrl, session, 'regenerate')
    expect(theirs).not.toBe(mine)
    expect(await testToken(page, 'GET /fd-api/v1/personnel')).toMatch(/^Invalid or revoked/)

    await service.stop()
    expect(await testToken(page, 'GET /fd-api/v1/personnel')).toMatch(/^Network error/)
  } finally {
    await service.remove()
  }
})

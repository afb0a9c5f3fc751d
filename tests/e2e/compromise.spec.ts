import type { Page } from '@playwright/test'
import { expect, openView, sandboxInstance, test } from './fixtures'
import { signInOverHttp, startService, statusWith, tokenOverHttp } from './token-service'
import {
  addInstance,
  generateToken,
  registerIntegrations,
  reportCompromise,
  revealToken,
  tokenCard,
} from './verify-helpers'

test.describe.configure({ timeout: 180_000 })

const checklist = (page: Page) => page.getByRole('region', { name: /Compromise response/ })
const cadSync = { name: 'CAD sync', system: 'Tyler CAD', owner: 'Dana Ortiz', contact: 'dana@example.org' }
const payroll = { name: 'Payroll export', owner: 'Sam Lee', contact: '555-0100' }

test('report compromise: reason → regenerated at once (old token rejected) → checklist with owners and contacts; what is left survives a reload; the reason is logged', async ({
  app: page,
}) => {
  await generateToken(page)
  await registerIntegrations(page, [cadSync, payroll])
  const oldToken = await revealToken(page)

  await tokenCard(page).getByRole('button', { name: 'Report compromise' }).click()
  const dialog = page.getByRole('dialog', { name: /Report a compromised token/ })
  await expect(dialog).toContainText('2 integrations will need the new token')
  await expect(dialog.getByRole('button', { name: 'Regenerate now' })).toBeDisabled() // a reason first
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await reportCompromise(page, 'Token pasted into a public chat channel')

  const { baseUrl } = await sandboxInstance(page)
  const response = await fetch(`${baseUrl}/me`, { headers: { Authorization: `Bearer ${oldToken}` } })
  expect(response.status).toBe(401)
  expect((await response.json()).code).toBe('token_invalid')
  expect(await revealToken(page)).not.toBe(oldToken)

  const list = checklist(page)
  await expect(list).toContainText('2 integrations still to update')
  await expect(list).toContainText('Token pasted into a public chat channel')
  await expect(list.getByRole('listitem', { name: 'CAD sync' })).toContainText(
    'owner Dana Ortiz · contact dana@example.org',
  )
  await expect(list.getByRole('listitem', { name: 'Payroll export' })).toContainText(
    'owner Sam Lee · contact 555-0100',
  )
  // The checklist stands in for the needs-update banner while it is open.
  await expect(page.getByRole('region', { name: /needs? the new token/ })).toHaveCount(0)

  await list.getByRole('listitem', { name: 'CAD sync' }).getByRole('button', { name: 'Mark updated' }).click()
  await expect(list).toContainText('1 integration still to update')
  await expect(list.getByRole('listitem', { name: 'CAD sync' })).toContainText('Updated')
  await page.reload() // what is left still needs the new token after the window is gone
  await expect(page.getByRole('region', { name: /1 integration needs the new token/ })).toContainText(
    'Payroll export',
  )
  await openView(page, 'Integrations')
  await expect(page.getByRole('row', { name: 'Payroll export' })).toContainText(/needs update/i)
  await openView(page, 'Activity')
  await expect(page.getByRole('list', { name: 'Activity log' })).toContainText(
    'Token pasted into a public chat channel',
  )
})

test('the checklist stays until the last integration is marked updated', async ({ app: page }) => {
  await generateToken(page)
  await registerIntegrations(page, [cadSync, payroll])
  await reportCompromise(page, 'Laptop stolen')

  const list = checklist(page)
  for (const name of ['Payroll export', 'CAD sync']) {
    await expect(list).toBeVisible()
    await list.getByRole('listitem', { name }).getByRole('button', { name: 'Mark updated' }).click()
  }
  await expect(list).toContainText('every integration has the new token')
  await expect(list.getByRole('button', { name: 'Mark updated' })).toHaveCount(0)
  await list.getByRole('button', { name: 'Close checklist' }).click()
  await expect(list).toBeHidden()
  await openView(page, 'Integrations')
  await expect(page.getByRole('row', { name: 'CAD sync' })).toContainText('Current')
  await expect(page.getByRole('row', { name: 'Payroll export' })).toContainText('Current')
})

test('a First Due tenant: report compromise starts the guided regeneration, then the checklist', async ({
  app: page,
}) => {
  const service = await startService({ authErrors: 'first-due' })
  try {
    const session = await signInOverHttp(service.baseUrl, 'api@demo.test')
    const first = await tokenOverHttp(service.baseUrl, session, 'generate')
    await addInstance(page, {
      name: 'Fairview FD',
      kind: 'first-due',
      baseUrl: service.baseUrl,
      token: first,
    })
    await registerIntegrations(page, [
      { name: 'Hydrant map', owner: 'Rita Gomez', contact: 'rita@example.org' },
    ])
    await reportCompromise(page, 'Shared by mistake in an email', 'Continue in First Due')

    const guide = page.getByRole('dialog', { name: 'Replace the compromised token for Fairview FD' })
    await expect(guide).toContainText('USER TOKEN')
    const second = await tokenOverHttp(service.baseUrl, session, 'regenerate')
    await guide.getByLabel('Token', { exact: true }).fill(second)
    await guide.getByRole('button', { name: 'Save new token' }).click()
    await expect(guide).toBeHidden()
    expect(await statusWith(service.baseUrl, first)).toBe(403)

    const list = checklist(page)
    await expect(list).toContainText('1 integration still to update')
    await expect(list.getByRole('listitem', { name: 'Hydrant map' })).toContainText(
      'owner Rita Gomez · contact rita@example.org',
    )
    await list.getByRole('button', { name: 'Mark updated' }).click()
    await expect(list).toContainText('every integration has the new token')
  } finally {
    await service.remove()
  }
})

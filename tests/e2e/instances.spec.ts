import { expect, test } from './fixtures'

test.describe.configure({ timeout: 120_000 })

test('instances: add with an environment badge, edit, switch, and remove a production one by typing its name', async ({
  app: page,
}) => {
  const instances = page.getByRole('navigation', { name: 'Instances' })
  await instances.getByRole('button', { name: 'Add instance' }).click()
  const form = page.getByRole('dialog', { name: 'Add instance' })
  await form.getByLabel('Name').fill('County Dispatch')
  await form.getByLabel('Kind').selectOption('token-service')
  await form.getByLabel('Base URL').fill('http://example.com/api')
  await form.getByLabel('Environment').selectOption('production')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByRole('alert')).toBeVisible() // not https, not /fd-api/v1: refused in plain words
  await form.getByLabel('Base URL').fill('http://127.0.0.1:9/fd-api/v1')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form).toBeHidden()

  const county = instances.getByRole('button', { name: /^County Dispatch/ })
  await expect(county).toContainText('Production')
  await expect(county).toHaveAttribute('aria-current', 'true')
  await expect(page.getByRole('region', { name: 'Sign in to County Dispatch' })).toBeVisible()

  await instances.getByRole('button', { name: 'Edit County Dispatch' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit County Dispatch' })
  await edit.getByLabel('Name').fill('County Dispatch Center')
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(instances.getByRole('button', { name: /^County Dispatch Center/ })).toBeVisible()

  await instances.getByRole('button', { name: /^Local sandbox/ }).click()
  await expect(page.getByRole('heading', { name: 'API token' })).toBeVisible()

  await instances.getByRole('button', { name: 'Remove County Dispatch Center' }).click()
  const confirm = page.getByRole('dialog', { name: 'Remove County Dispatch Center?' })
  const remove = confirm.getByRole('button', { name: 'Remove', exact: true })
  await expect(remove).toBeDisabled()
  await confirm.getByRole('textbox').fill('County Dispatch')
  await expect(remove).toBeDisabled()
  await confirm.getByRole('textbox').fill('County Dispatch Center')
  await remove.click()
  await expect(instances.getByRole('button', { name: /^County Dispatch Center/ })).toHaveCount(0)
})

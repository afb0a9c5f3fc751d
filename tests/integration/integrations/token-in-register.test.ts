// A token pasted into the register would sit in a plain file and every export: it is refused, field by field.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Integration } from '@shared/contract'
import { fakeToken } from './fixtures'
import { moduleFixture } from './module-fixture'

let fixture: ReturnType<typeof moduleFixture>
afterEach(async () => {
  await fixture.module.close?.()
  fixture.cleanup()
})

/** A First Due tenant's token: no `fdt_` prefix, so only the stored copy tells it apart from any text. */
const tenantToken = 'Zq8vN3kLw0pR7tYh2mXc5bJd'
const base = { name: 'CAD sync', environment: 'production', instanceId: 'inst-a' } as const
const errorOf = async (promise: Promise<{ ok: boolean; error?: unknown }>) => {
  const result = await promise
  if (result.ok) throw new Error('expected a failure')
  return result.error as { code: string; message: string; details?: { errors?: { field: string }[]; rows?: { row: number; field: string }[] } }
}
const registerFile = () => readFileSync(join(fixture.dir, 'integrations.json'), 'utf8')

describe('no token in the integrations register', () => {
  it('refuses a token-service token or a stored token of any format in a free-text field, naming the fields', async () => {
    fixture = moduleFixture([], { 'inst-b': tenantToken })
    const shaped = await errorOf(fixture.call('integrations:add', { ...base, notes: `token: ${fakeToken}` }))
    expect(shaped.code).toBe('invalid_request')
    expect(shaped.message).toMatch(/Leave the API token out of notes/)
    expect(shaped.details?.errors?.map((error) => error.field)).toEqual(['notes'])

    const stored = await errorOf(fixture.call('integrations:add', { ...base, owner: `Dana (${tenantToken})`, contact: tenantToken }))
    expect(stored.details?.errors?.map((error) => error.field)).toEqual(['owner', 'contact'])

    const added = (await fixture.call('integrations:add', { ...base, notes: 'the North token, copied from Token Desk' })) as { ok: true; value: Integration }
    expect(added.ok).toBe(true)
    const patched = await errorOf(fixture.call('integrations:update', { id: added.value.id, notes: `new one ${tenantToken}` }))
    expect(patched.details?.errors?.map((error) => error.field)).toEqual(['notes'])
    expect(registerFile()).not.toContain(tenantToken)
    expect(registerFile()).not.toContain(fakeToken)
  })

  it('an import with a token on any row imports nothing and names the row and field', async () => {
    fixture = moduleFixture([], { 'inst-b': tenantToken })
    const csv = [
      'name,system,owner,contact,environment,instanceId,notes',
      'Payroll,HR,Sam,sam@agency.test,production,inst-a,nightly export',
      `Station boards,Boards,Kim,kim@agency.test,training,inst-b,${tenantToken}`,
    ].join('\n')
    const failure = await errorOf(fixture.call('integrations:import', { format: 'csv', text: csv }))
    expect(failure.code).toBe('invalid_request')
    expect(failure.details?.rows).toEqual([expect.objectContaining({ row: 2, field: 'notes' })])
    expect(await fixture.call('integrations:list', {})).toEqual({ ok: true, value: [] })
  })
})

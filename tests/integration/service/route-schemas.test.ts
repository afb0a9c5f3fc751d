// The generated validators and serializers (service/schema-compilers.ts): current, used, and never required.
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { compiledAtStartUp, precompiledCompilers } from '../../../service/schema-compilers'
import { GENERATED_SCHEMAS_FILE, generateRouteSchemasModule } from '../../../service/schema-codegen'
import { call, startService, type Running } from './harness'

const signInBody = { grant_type: 'client_credentials', email: 'api@demo.test', password: 'x' }

describe('token service: generated route schemas', () => {
  let running: Running | null = null
  afterEach(async () => {
    await running?.stop()
    running = null
    compiledAtStartUp.length = 0
  })

  it('service/generated/route-schemas.cjs matches the route schemas (run `npm run schemas` after changing one)', async () => {
    expect(readFileSync(GENERATED_SCHEMAS_FILE, 'utf8')).toBe(await generateRouteSchemasModule())
  })

  it.each(['standard', 'first-due'] as const)('a %s service compiles no schema at start-up and still validates strictly', async (authErrors) => {
    running = await startService({ authErrors })
    expect(compiledAtStartUp).toEqual([])
    const wrongType = await call(running.base, 'POST', '/auth/token', { body: { ...signInBody, email: 7, extra: true } })
    expect(wrongType.status).toBe(400)
    expect(wrongType.json.code).toBe('invalid_request')
    // Every error, not the first only (allErrors), each naming its field.
    expect(wrongType.json.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'email', code: 'wrong_type' }),
        expect.objectContaining({ field: 'extra', code: 'unknown_field' }),
      ]),
    )
  })

  it('a route without generated code is compiled at start-up instead, with the same answers', async () => {
    running = await startService({ compilers: precompiledCompilers({ validators: {}, serializers: {} }) })
    expect(compiledAtStartUp.length).toBeGreaterThan(90)
    expect(compiledAtStartUp).toContainEqual(expect.stringMatching(/^POST \/fd-api\/v1\/auth\/token body /))
    const wrongType = await call(running.base, 'POST', '/auth/token', { body: { ...signInBody, email: 7 } })
    expect(wrongType.status).toBe(400)
    const session = await running.signIn('api')
    const me = await call(running.base, 'GET', '/me', { token: session })
    expect(me.status).toBe(200)
    expect(me.json.email).toBe('api@demo.test')
  })
})

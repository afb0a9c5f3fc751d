import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminModule } from '../../../electron/main/modules/admin'
import { verificationModule } from '../../../electron/main/modules/verification'
import { removeDir, startSandboxCore, tempDir, value, type TestCore } from './helpers'

/** A verification describes one token: every new token starts without one, however it was made. */
describe('a new token starts with no last verification', () => {
  const dataDir = tempDir('token-desk-verification-reset-')
  let core: TestCore
  let sandboxId = ''

  beforeAll(async () => {
    ;({ core, sandboxId } = await startSandboxCore({ dataDir, modules: [verificationModule, adminModule] }))
    value(await core.call('token:generate', { instanceId: sandboxId }))
  }, 60_000)
  afterAll(async () => {
    await core?.close()
    removeDir(dataDir)
  })

  /** Tests the current token, checks the status shows that test, and returns it. */
  const verifyNow = async () => {
    const verification = value(await core.call('token:test', { instanceId: sandboxId, endpoint: 'stations' }))
    expect(verification.outcome).toBe('ok')
    const status = value(await core.call('token:status', { instanceId: sandboxId }))
    expect(status).toMatchObject({ lastVerifiedAt: verification.at, lastVerification: verification })
  }
  const expectNoVerification = async (view: { lastVerifiedAt: string | null; lastVerification: unknown }) => {
    expect(view).toMatchObject({ lastVerifiedAt: null, lastVerification: null })
    const status = value(await core.call('token:status', { instanceId: sandboxId }))
    expect(status).toMatchObject({ lastVerifiedAt: null, lastVerification: null })
  }

  it('after a regenerate', async () => {
    await verifyNow()
    const change = value(await core.call('token:regenerate', { instanceId: sandboxId }))
    await expectNoVerification(change.view)
  }, 30_000)

  it('after a compromise report (which regenerates)', async () => {
    await verifyNow()
    const change = value(await core.call('token:reportCompromise', { instanceId: sandboxId, reason: 'Seen in a shared screenshot' }))
    await expectNoVerification(change.view)
  }, 30_000)

  it('after a generate that follows a removal', async () => {
    await verifyNow()
    value(await core.call('token:remove', { instanceId: sandboxId }))
    const change = value(await core.call('token:generate', { instanceId: sandboxId }))
    await expectNoVerification(change.view)
  }, 30_000)
})

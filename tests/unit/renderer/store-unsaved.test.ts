import { afterEach, describe, expect, it } from 'vitest'
import { AppFailure } from '@shared/contract'
import { createKeyringSecretStore, type SecretStore } from '../../../electron/main/services/secret-store'
import { selectTokenView } from '../../../renderer/src/store/token'
import { startHarness, type Harness } from './harness'

/** The real keychain, refusing to store user tokens while `refuse` is on (after the core's write check). */
function refusingStore() {
  const real = createKeyringSecretStore()
  const control = { refuse: false }
  const store: SecretStore = {
    ...real,
    async set(account, secret) {
      if (control.refuse && account.endsWith('/user-token'))
        throw new AppFailure('keychain_write_failed', 'The keychain refused the secret.')
      return real.set(account, secret)
    },
  }
  return { store, control }
}

describe('store: a token the keychain refused ("not saved — copy it now")', () => {
  let h: Harness | null = null
  afterEach(async () => {
    await h?.close()
  })

  it('keeps the token once for the user to copy, then forgets it when dismissed', async () => {
    const { store, control } = refusingStore()
    h = await startHarness({ secretStore: store })
    await h.state().ui.start()
    const id = h.state().instances.activeId!
    control.refuse = true
    expect(await h.state().token.generate(id)).toBe(true)
    control.refuse = false
    const unsaved = h.state().token.unsaved
    expect(unsaved?.instanceId).toBe(id)
    expect(unsaved?.token).toMatch(/^fdt_/)
    expect(selectTokenView(h.state(), id)).toMatchObject({ stored: false, status: 'active' })

    expect(await h.state().token.copyUnsaved()).toBe(true)
    expect(h.copied).toEqual([unsaved!.token])
    h.state().token.dismissUnsaved()
    expect(h.state().token.unsaved).toBeNull()
    expect(await h.state().token.copyUnsaved()).toBe(false)
  })
})

import { AsyncEntry } from '@napi-rs/keyring'
import { AppFailure } from '@shared/contract'

/** The keychain service name every Token Desk entry lives under. */
export const KEYCHAIN_SERVICE = 'Token Desk'

/** Keychain accounts, one per secret and instance. */
export const secretAccounts = {
  userToken: (instanceId: string) => `${instanceId}/user-token`,
  session: (instanceId: string) => `${instanceId}/session`,
  demoPassword: (instanceId: string) => `${instanceId}/demo-password`,
  /** Written and deleted again to prove the keychain takes writes before a token is generated. */
  writeCheck: (instanceId: string) => `${instanceId}/write-check`,
}
export const accountsOf = (instanceId: string) => [
  secretAccounts.userToken(instanceId),
  secretAccounts.session(instanceId),
  secretAccounts.demoPassword(instanceId),
]

/** Secrets live only here; every failure is an AppFailure with a message a person can act on. */
export interface SecretStore {
  get(account: string): Promise<string | null>
  set(account: string, secret: string): Promise<void>
  delete(account: string): Promise<void>
  /** Throws `keychain_unavailable` / `keychain_write_failed` when a write would not stick. */
  checkWritable(account: string): Promise<void>
}

const UNAVAILABLE =
  'The system keychain is not available or is locked, so Token Desk cannot read or keep secrets. Unlock your keychain ' +
  '(on Linux: start or unlock GNOME Keyring / KWallet with the Secret Service) and try again. Nothing is stored in plain text.'
const WRITE_FAILED = 'The system keychain refused to save the secret. Unlock your keychain and try again.'

/** Error text from the keyring crate, without anything that could echo a secret (it never does, but be sure). */
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300)

/**
 * The OS keychain via @napi-rs/keyring (macOS Keychain, Windows Credential Manager, Linux Secret Service).
 * Linux is pinned to the Secret Service: the kernel keyring fallback would lose secrets at logout. There is
 * deliberately no plain-text fallback.
 */
export function createKeyringSecretStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  // Creating an entry already talks to the platform store and may throw (no D-Bus): always inside a try.
  const entry = (account: string) => new AsyncEntry(service, account, { linux: { store: 'secret-service' } })
  const unavailable = (error: unknown) => new AppFailure('keychain_unavailable', UNAVAILABLE, { reason: reasonOf(error) })
  const store: SecretStore = {
    async get(account) {
      try {
        return (await entry(account).getPassword()) ?? null
      } catch (error) {
        throw unavailable(error)
      }
    },
    async set(account, secret) {
      try {
        await entry(account).setPassword(secret)
      } catch (error) {
        // Distinguish "no keychain at all" from "the keychain said no" by whether a read still works.
        const readable = await Promise.resolve()
          .then(() => entry(account).getPassword())
          .then(() => true, () => false)
        throw readable ? new AppFailure('keychain_write_failed', WRITE_FAILED, { reason: reasonOf(error) }) : unavailable(error)
      }
    },
    async delete(account) {
      try {
        await entry(account).deleteCredential()
      } catch (error) {
        throw unavailable(error)
      }
    },
    async checkWritable(account) {
      await store.set(account, 'write-check')
      await store.delete(account)
    },
  }
  return store
}

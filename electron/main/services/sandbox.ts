import { randomBytes } from 'node:crypto'
import { AppFailure } from '@shared/contract'
import { join } from 'node:path'
import type { InstancesService } from './instances'
import { secretAccounts, type SecretStore } from './secret-store'
import type { SessionsService } from './sessions'
import { demoEmail } from './sessions'

/** The slice of service/app.ts's `createTokenService` the sandbox needs (injected, so tests and the bench share it). */
export type EmbeddedServiceFactory = (options: {
  dbPath: string
  host?: string
  port?: number
  seed?: 'demo'
  demoPassword?: string
  keepDemoPassword?: boolean
  now?: string | Date
  clock?: () => Date
}) => { listen(): Promise<string>; close(): Promise<void> | void; setDemoPassword(password: string): Promise<void> | void }

export type Sandbox = {
  baseUrl: string
  /** The demo users' password from the keychain; a lost entry is replaced by a new password on both sides. */
  demoPassword(): Promise<string>
  close(): Promise<void>
}

export type SandboxOptions = {
  dataDir: string
  instances: InstancesService
  secrets: SecretStore
  sessions: SessionsService
  createService: EmbeddedServiceFactory
  clock: () => Date
  /** Something went wrong that the user should hear about, but the app can go on (e.g. keychain locked). */
  warn(message: string): void
}

export const SANDBOX_DB_FILE = 'sandbox.sqlite'
const newPassword = () => randomBytes(24).toString('base64url')

/**
 * The local sandbox: a token service embedded in-process on 127.0.0.1 (a new port each run), its SQLite file
 * in the data folder, seeded with the demo agency. On the first run it becomes the "Local sandbox" instance,
 * its random demo password goes to the keychain (never shown), and the user starts signed in as
 * api@demo.test with no token. Returns null when the user removed the sandbox instance.
 */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox | null> {
  const { instances, secrets } = options
  const firstRun = instances.firstRun
  const existingId = instances.sandboxId
  if (!firstRun && !existingId) return null

  // A restart keeps the demo password the database already has: no keychain read and no hashing on the way
  // to a ready app. The keychain copy is read when a demo sign-in needs it.
  const demoPassword = firstRun ? newPassword() : undefined
  const service = options.createService({
    dbPath: join(options.dataDir, SANDBOX_DB_FILE),
    host: '127.0.0.1',
    port: 0,
    seed: 'demo',
    demoPassword,
    keepDemoPassword: !firstRun,
    clock: options.clock,
  })
  const origin = await service.listen()
  const sandbox: Sandbox = {
    baseUrl: `${origin}/fd-api/v1`,
    async demoPassword() {
      const instanceId = instances.sandboxId
      if (!instanceId) throw new AppFailure('not_found', 'The local sandbox was removed.')
      const account = secretAccounts.demoPassword(instanceId)
      const stored = await secrets.get(account)
      if (stored) return stored
      const fresh = newPassword()
      await secrets.set(account, fresh)
      await service.setDemoPassword(fresh)
      return fresh
    },
    close: async () => void (await service.close()),
  }

  if (existingId && !firstRun) {
    instances.setSandboxBaseUrl(sandbox.baseUrl)
    return sandbox
  }
  const instance = instances.add({ name: 'Local sandbox', kind: 'token-service', baseUrl: sandbox.baseUrl, environment: 'development' }, { sandbox: true })
  instances.setSandboxBaseUrl(sandbox.baseUrl)
  try {
    await secrets.set(secretAccounts.demoPassword(instance.id), demoPassword as string)
    await options.sessions.signIn(instance.id, demoEmail('api'), demoPassword as string)
  } catch (error) {
    options.warn(
      `The local sandbox is ready, but Token Desk could not sign you in to it: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  return sandbox
}

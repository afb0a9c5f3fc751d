import { randomBytes } from 'node:crypto'
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
  now?: string | Date
  clock?: () => Date
}) => { listen(): Promise<string>; close(): Promise<void> | void }

export type Sandbox = { baseUrl: string; close(): Promise<void> }

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
 * The demo password of an existing sandbox. The embedded service sets the demo users' password at every start,
 * so a lost keychain entry is simply replaced by a new password. A locked keychain must not stop the app:
 * the service then picks a throwaway password and only demo sign-in waits for the keychain.
 */
async function demoPasswordFor(instanceId: string, secrets: SecretStore): Promise<string | undefined> {
  const account = secretAccounts.demoPassword(instanceId)
  try {
    const stored = await secrets.get(account)
    if (stored) return stored
    const fresh = newPassword()
    await secrets.set(account, fresh)
    return fresh
  } catch {
    return undefined
  }
}

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

  const dbPath = join(options.dataDir, SANDBOX_DB_FILE)
  let demoPassword: string | undefined
  if (firstRun) demoPassword = newPassword()
  else if (existingId) demoPassword = await demoPasswordFor(existingId, secrets)

  const service = options.createService({
    dbPath,
    host: '127.0.0.1',
    port: 0,
    seed: 'demo',
    demoPassword,
    clock: options.clock,
  })
  const origin = await service.listen()
  const sandbox: Sandbox = { baseUrl: `${origin}/fd-api/v1`, close: async () => void (await service.close()) }

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

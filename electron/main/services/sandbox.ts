import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
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
}) => { listen(): Promise<string>; close(): Promise<void> | void; baseUrl: string }

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
 * The demo password of an existing sandbox. A locked keychain must not stop the app (the seeded database keeps
 * its password; only demo sign-in waits). A keychain that works but lost the password means demo sign-in
 * would be impossible forever: the sandbox's demo data are then re-seeded with a new password.
 */
async function recoverPassword(instanceId: string, dbPath: string, secrets: SecretStore): Promise<string | undefined> {
  const account = secretAccounts.demoPassword(instanceId)
  let stored: string | null
  try {
    stored = await secrets.get(account)
  } catch {
    return undefined
  }
  if (stored) return stored
  const fresh = newPassword()
  await secrets.set(account, fresh)
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${dbPath}${suffix}`, { force: true })
  return fresh
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
  else if (existingId) demoPassword = await recoverPassword(existingId, dbPath, secrets)

  const service = options.createService({
    dbPath,
    host: '127.0.0.1',
    port: 0,
    seed: 'demo',
    demoPassword,
    clock: options.clock,
  })
  await service.listen()
  const sandbox: Sandbox = { baseUrl: service.baseUrl, close: async () => void (await service.close()) }

  if (existingId && !firstRun) {
    instances.setSandboxBaseUrl(service.baseUrl)
    return sandbox
  }
  const instance = instances.add({ name: 'Local sandbox', kind: 'token-service', baseUrl: service.baseUrl, environment: 'development' }, { sandbox: true })
  instances.setSandboxBaseUrl(service.baseUrl)
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

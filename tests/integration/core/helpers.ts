import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { expect } from 'vitest'
import type { Channel, ChannelResponse, Result } from '@shared/contract'
import { createHeadlessAdapters } from '../../../electron/main/adapters/node-headless'
import type { HttpFetch } from '../../../electron/main/adapters/types'
import { createCore, type Core, type CoreOptions } from '../../../electron/main/core'

export const tempDir = (prefix = 'token-desk-core-') => mkdtempSync(join(tmpdir(), prefix))
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true })

/** Headless adapters over real HTTP (or a fault-injecting fetch). */
export const testAdapters = (http?: HttpFetch) => createHeadlessAdapters(http ? { http } : {})

export type TestCore = Core & { call<C extends Channel>(channel: C, payload?: unknown): Promise<Result<ChannelResponse<C>>> }
export type SandboxCore = { core: TestCore; sandboxId: string; baseUrl: string }

/** A core over a temp data folder with the real embedded service and the real keyring. */
export async function startCore(options: Partial<CoreOptions> & { dataDir: string }): Promise<TestCore> {
  const core = await createCore({ host: 'preview', modules: [], adapters: testAdapters().adapters, ...options })
  const call = <C extends Channel>(channel: C, payload: unknown = {}) =>
    core.dispatch(channel, payload, { host: 'preview' }) as Promise<Result<ChannelResponse<C>>>
  return Object.assign(core, { call })
}

/** A core on a fresh (first-run) data folder, with its sandbox instance's id and address. */
export async function startSandboxCore(options: Partial<CoreOptions> & { dataDir: string }): Promise<SandboxCore> {
  const core = await startCore(options)
  const sandbox = value(await core.call('instances:list')).find((instance) => instance.isSandbox)
  if (!sandbox) expect.fail('the first run created no sandbox')
  return { core, sandboxId: sandbox.id, baseUrl: sandbox.baseUrl }
}

/** The value of an ok result (fails the test with the error otherwise). */
export function value<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value
}
export function errorOf(result: Result<unknown>) {
  if (result.ok) expect.fail('expected an error result')
  return result.error
}

/** Accounts the real keyring holds for the Token Desk service (libsecret's own view). */
export function keyringAccounts(): string[] {
  // secret-tool prints the secrets on stdout and the attributes on stderr.
  const result = spawnSync('secret-tool', ['search', '--all', 'service', 'Token Desk'], { encoding: 'utf8' })
  const out = `${result.stdout}\n${result.stderr}`
  return [...out.matchAll(/^attribute\.(?:username|account) = (.+)$/gm)].map((match) => match[1]!.trim())
}

/** Every file under `dir`, with its bytes, for "no secret in plain text" scans. */
export function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  const files: { path: string; bytes: Buffer }[] = []
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) files.push(...filesUnder(path))
    else files.push({ path, bytes: readFileSync(path) })
  }
  return files
}

/** Runs calls in a core of its own process (a real restart). `env` replaces the environment when given. */
export function runChildCore(input: { dataDir: string; sandboxNow?: string; calls: [Channel, unknown][] }, env: NodeJS.ProcessEnv = process.env) {
  releaseClosedDatabases()
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'child-core.ts'), JSON.stringify(input)], {
    encoding: 'utf8',
    env,
    timeout: 60_000,
  })
  const line = result.stdout.trim().split('\n').pop() ?? ''
  if (result.status !== 0 || !line.startsWith('[')) throw new Error(`child core failed (${result.status}): ${result.stderr.slice(-2000)}`)
  return JSON.parse(line) as Result<unknown>[]
}

/**
 * libsql keeps a closed database's file lock until its prepared statements are garbage-collected, so a
 * service closed in this process still blocks another process's open of the same file (reported to the
 * service's owner). Tests that reopen a data folder in a child process collect garbage first.
 */
export function releaseClosedDatabases(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  gc()
}

export const keyringAvailable = () => process.env.TOKEN_DESK_TEST_KEYRING === '1'

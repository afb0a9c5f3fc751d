import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

/** Every demo user's password in the standalone services the e2e tests start. */
export const DEMO_PASSWORD = 'e2e-demo-password'

export type StandaloneService = {
  /** http://127.0.0.1:PORT/fd-api/v1 */
  baseUrl: string
  /** Stops the process (the database stays until `remove`). */
  stop(): Promise<void>
  /** Starts it again on the same database and port. */
  restart(): Promise<void>
  remove(): Promise<void>
}

const projectRoot = resolve(import.meta.dirname, '..', '..')

async function spawnService(args: string[]): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(
    process.execPath,
    [join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'service/cli.ts', ...args],
    {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const line = await new Promise<string>((resolveLine, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in 60 s:\n${stderr}`)), 60_000)
    createInterface({ input: child.stdout! }).once('line', (text) => {
      clearTimeout(timer)
      resolveLine(text)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`service exited with ${code}:\n${stderr}`))
    })
  })
  const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)
  if (!match) throw new Error(`unexpected first line from the service: ${line}`)
  return { child, origin: match[1]! }
}

/**
 * The real token service as its own process (`service/cli.ts`) on 127.0.0.1, seeded with the demo agency and a
 * known password, so tests can act on it "out of band" over HTTP as any demo user.
 */
export async function startService(
  options: { authErrors?: 'standard' | 'first-due' } = {},
): Promise<StandaloneService> {
  const dir = mkdtempSync(join(tmpdir(), 'token-desk-e2e-service-'))
  const common = [
    '--seed',
    'demo',
    '--demo-password',
    DEMO_PASSWORD,
    '--db',
    join(dir, 'service.db'),
    '--auth-errors',
    options.authErrors ?? 'standard',
  ]
  const started = await spawnService(['--port', '0', ...common])
  let child = started.child
  const origin = started.origin
  const port = new URL(origin).port
  const stop = async () => {
    if (child.exitCode !== null) return
    const exited = new Promise((done) => child.once('exit', done))
    child.kill('SIGTERM')
    await exited
  }
  return {
    baseUrl: `${origin}/fd-api/v1`,
    stop,
    async restart() {
      await stop()
      child = (await spawnService(['--port', port, ...common])).child
    },
    async remove() {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function call(baseUrl: string, method: string, path: string, bearer: string | null, body?: unknown) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const text = await response.text()
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }
}

/** A session for a demo user, straight from the service. */
export async function signInOverHttp(
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const { status, body } = await call(baseUrl, 'POST', '/auth/token', null, {
    grant_type: 'client_credentials',
    email,
    password,
  })
  if (status !== 200) throw new Error(`sign-in as ${email} failed: ${status} ${JSON.stringify(body)}`)
  return body.access_token as string
}

/** Makes (or remakes) the user's token over HTTP, as First Due's web UI would; returns the secret. */
export async function tokenOverHttp(
  baseUrl: string,
  session: string,
  mode: 'generate' | 'regenerate',
): Promise<string> {
  const { status, body } = await call(
    baseUrl,
    'POST',
    mode === 'generate' ? '/user-token' : '/user-token/regenerate',
    session,
  )
  if (status !== 201) throw new Error(`${mode} failed: ${status} ${JSON.stringify(body)}`)
  return body.token as string
}

/** What the service answers to a call made with `token` (the status code). */
export async function statusWith(baseUrl: string, token: string, path = '/me'): Promise<number> {
  return (await call(baseUrl, 'GET', path, token)).status
}

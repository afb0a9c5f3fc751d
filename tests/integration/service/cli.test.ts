// The CLI as users run it: a real process, its stdout line, its signals and its exit codes.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createTokenService } from '../../../service/app'
import { call, DEMO_EMAILS, tempDir } from './harness'

interface Started {
  child: ChildProcess
  lines: string[]
  stderr: () => string
  exit: Promise<number | null>
}

function runCli(args: string[]): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'service/cli.ts', ...args], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    const parts = stdout.split('\n')
    stdout = parts.pop() ?? ''
    lines.push(...parts)
  })
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, lines, stderr: () => stderr, exit }
}

async function waitForLine(started: Started, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const line = started.lines.find((candidate) => pattern.test(candidate))
    if (line) return line
    if (started.child.exitCode !== null) throw new Error(`CLI exited early: ${started.stderr()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`no line matching ${pattern} (stderr: ${started.stderr()})`)
}

// Each case starts real processes through tsx: generous time on a busy machine.
describe('token service CLI', { timeout: 120_000 }, () => {
  const dir = tempDir()
  const running: ChildProcess[] = []
  afterEach(() => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  })
  afterAll(() => dir.remove())

  it('prints "listening on", the generated demo password once, honours --now; refuses a second process; exits 0 on SIGTERM', async () => {
    const dbPath = join(dir.path, 'cli.db')
    const first = runCli(['--port', '0', '--db', dbPath, '--seed', 'demo', '--now', '2028-02-29T09:30:00Z'])
    running.push(first.child)
    const listening = await waitForLine(first, /^listening on /)
    expect(listening).toMatch(/^listening on http:\/\/127\.0\.0\.1:\d+$/)
    expect(first.lines[0]).toBe(listening) // the first line, exactly
    const passwordLine = await waitForLine(first, /^demo password/)
    const password = passwordLine.split(': ').pop() as string
    const base = `${listening.slice('listening on '.length)}/fd-api/v1`

    const session = await call(base, 'POST', '/auth/token', {
      body: { grant_type: 'client_credentials', email: DEMO_EMAILS.api, password },
    })
    expect(session.status).toBe(200)
    const issued = await call(base, 'POST', '/user-token', { token: session.json.access_token })
    expect(issued.json.created_at.slice(0, 10)).toBe('2028-02-29')
    expect(issued.json.expires_at.slice(0, 10)).toBe('2029-02-28')
    const used = await call(base, 'GET', '/stations', { token: issued.json.token })
    expect(used.status).toBe(200)
    // Secrets stay out of the logs (stderr) and stdout carries only the two lines.
    expect(first.stderr()).not.toContain(issued.json.token)
    expect(first.stderr()).not.toContain(session.json.access_token)
    expect(first.stderr()).not.toContain(password)

    const second = runCli(['--port', '0', '--db', dbPath])
    running.push(second.child)
    expect(await second.exit).toBe(1)
    expect(second.stderr()).toMatch(/already in use by another token service/)
    expect(second.lines.some((line) => line.startsWith('listening on'))).toBe(false)

    first.child.kill('SIGTERM')
    expect(await first.exit).toBe(0)
    expect(first.lines.filter((line) => line.startsWith('demo password'))).toHaveLength(1)
    expect(first.lines).toHaveLength(2)

    // The database is intact after SIGTERM: the token, its last use and the password survive.
    const reopened = createTokenService({ dbPath, now: '2028-03-01T00:00:00Z' })
    try {
      await reopened.listen()
      const again = await call(reopened.baseUrl as string, 'POST', '/auth/token', {
        body: { grant_type: 'client_credentials', email: DEMO_EMAILS.api, password },
      })
      const status = await call(reopened.baseUrl as string, 'GET', '/user-token', {
        token: again.json.access_token,
      })
      expect(status.json).toMatchObject({ status: 'active', hint: issued.json.token.slice(-4) })
      expect(status.json.last_used_at.slice(0, 10)).toBe('2028-02-29')
      expect(
        (await call(reopened.baseUrl as string, 'GET', '/me', { token: issued.json.token })).status,
      ).toBe(200)
    } finally {
      await reopened.close()
    }
  })

  it('answers --auth-errors first-due and rejects bad flags with a clear message and exit 1', async () => {
    const started = runCli(['--port', '0', '--db', join(dir.path, 'fd.db'), '--auth-errors', 'first-due'])
    running.push(started.child)
    const base = `${(await waitForLine(started, /^listening on /)).slice('listening on '.length)}/fd-api/v1`
    const reply = await call(base, 'GET', '/me')
    expect([reply.status, reply.json]).toEqual([403, { message: 'Forbidden' }])
    // Wrong credentials are an authentication failure too; bad input keeps its own answer.
    const signIn = await call(base, 'POST', '/auth/token', {
      body: { grant_type: 'client_credentials', email: DEMO_EMAILS.api, password: 'wrong' },
    })
    expect([signIn.status, signIn.json]).toEqual([403, { message: 'Forbidden' }])
    expect((await call(base, 'POST', '/auth/token', { rawBody: '{' })).json.code).toBe('invalid_request')
    started.child.kill('SIGINT')
    expect(await started.exit).toBe(0)

    const bad = [
      ['--auth-errors', 'loud'],
      ['--now', 'tomorrow'],
    ].map((args) => runCli(['--db', join(dir.path, 'bad.db'), ...args]))
    running.push(...bad.map((started) => started.child))
    for (const started of bad) {
      expect(await started.exit).toBe(1)
      expect(started.stderr()).toMatch(/^token service: /)
    }
  })
})

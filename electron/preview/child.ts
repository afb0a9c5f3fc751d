import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

export type Preview = {
  /** The URL the preview printed, key included. */
  url: string
  origin: string
  key: string
  dataDir: string
  /** Everything the preview wrote to stderr so far (for failure messages). */
  stderr(): string
  stop(): Promise<void>
}

const projectRoot = resolve(import.meta.dirname, '..', '..')

/**
 * Starts the real browser preview (`electron/preview/cli.ts`) as a child process on a free port with its own
 * temp data folder, exactly as `npm run dev:web` does, and waits for its one line. For the end-to-end tests
 * and the renderer benchmark; the renderer must be built (npm test does). Needs a keychain (with-keyring).
 */
export async function startPreview(options: { now?: string; dataDir?: string } = {}): Promise<Preview> {
  const ownsData = !options.dataDir
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'token-desk-e2e-'))
  const args = [
    join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    'electron/preview/cli.ts',
    '--port',
    '0',
    '--data',
    dataDir,
    '--no-build',
  ]
  if (options.now) args.push('--now', options.now)
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const line = await new Promise<string>((resolveLine, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => reject(new Error(`preview did not start in 60 s:\n${stderr}`)), 60_000)
    lines.once('line', (text) => {
      clearTimeout(timer)
      resolveLine(text)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`preview exited with ${code}:\n${stderr}`))
    })
  })
  const match = /^preview on (http:\/\/127\.0\.0\.1:\d+)\/\?key=([\w-]+)$/.exec(line)
  if (!match) throw new Error(`unexpected first line from the preview: ${line}`)
  return {
    url: `${match[1]}/?key=${match[2]}`,
    origin: match[1]!,
    key: match[2]!,
    dataDir,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      if (ownsData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

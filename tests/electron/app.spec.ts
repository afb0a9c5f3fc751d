import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'

/**
 * The real Electron app, end to end: window hardening, the preload bridge, IPC into the core. Everything
 * here is also covered without Electron (tests/integration/core through the same handler table, and
 * tests/unit/core for the sender check, CSP and link allow-list); this spec checks the Electron wiring.
 */
const root = resolve(import.meta.dirname, '..', '..')
function electronBinary(): string | null {
  try {
    return createRequire(import.meta.url)('electron') as string // throws when the binary was never downloaded
  } catch {
    return null
  }
}
const binary = electronBinary()
const missingBinary =
  'The Electron binary is not installed here (postinstall could not download it); run `node node_modules/electron/install.js` to enable these tests.'
if (!binary) console.log(`Electron app tests skipped: ${missingBinary}`)

test.describe('Electron app', () => {
  test.skip(!binary, missingBinary)

  let app: ElectronApplication
  let page: Page
  let dataDir: string

  test.beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'token-desk-electron-'))
    app = await electron.launch({
      executablePath: binary!,
      args: [join(root, 'out/main/boot.cjs'), `--user-data-dir=${dataDir}`, '--no-sandbox'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
    page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
  })
  test.afterAll(async () => {
    await app?.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('the window is locked down', async () => {
    // nodeIntegration off and sandboxed: no Node globals in the page.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
    expect(await page.evaluate(() => window.open('https://example.com'))).toBeNull()
    const before = page.url()
    await page.evaluate(() => (window.location.href = 'https://example.com/'))
    await page.waitForTimeout(500)
    expect(page.url()).toBe(before)
  })

  test('window.tokenDesk has named methods only and reaches the core', async () => {
    const shape = await page.evaluate(() => {
      const api = (window as unknown as { tokenDesk: Record<string, Record<string, unknown>> }).tokenDesk
      return { namespaces: Object.keys(api).sort(), hasIpc: 'ipcRenderer' in api || 'invoke' in api, list: typeof api.instances?.list }
    })
    expect(shape.namespaces).toEqual(expect.arrayContaining(['app', 'events', 'instances', 'session', 'settings', 'token']))
    expect(shape.hasIpc).toBe(false)
    expect(shape.list).toBe('function')
    const instances = await page.evaluate(() =>
      (window as unknown as { tokenDesk: { instances: { list(): Promise<unknown> } } }).tokenDesk.instances.list(),
    )
    expect(instances).toMatchObject({ ok: true, value: [{ name: 'Local sandbox', isSandbox: true }] })
    const malformed = await page.evaluate(() =>
      (window as unknown as { tokenDesk: { token: { status(request: unknown): Promise<unknown> } } }).tokenDesk.token.status({ instanceId: 42 }),
    )
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_request' } })
  })
})

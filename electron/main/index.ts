/**
 * The composition root: the only file that builds the app from Electron. It locks to one instance, builds the
 * core (plain Node services) with Electron's adapters, opens one locked-down window and wires IPC.
 */
import { app, BrowserWindow, session, shell } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import pino from 'pino'
import { electronClipboard } from './adapters/electron-clipboard'
import { electronHttp } from './adapters/electron-http'
import { registerIpc } from './adapters/electron-ipc'
import { electronShell } from './adapters/electron-shell'
import { createNodeNotifier } from './adapters/node-notifier'
import { createClockJumpPower } from './adapters/node-power'
import type { Adapters } from './adapters/types'
import { createCore, type Core } from './core'
import { contentSecurityPolicy } from './services/content-security'
import { isAllowedExternalUrl } from './services/external-links'
import { isTrustedSenderUrl, type RendererLocation } from './ipc/trusted-sender'

const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
/** electron-vite sets this in `dev` only; a packaged or previewed app always loads the built file. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const renderer: RendererLocation = { fileUrl: pathToFileURL(rendererFile).href, devServerUrl }

let core: Core | null = null
let mainWindow: BrowserWindow | null = null

function adapters(): Adapters {
  let loginAtStart = false
  return {
    http: electronHttp,
    clipboard: electronClipboard,
    shell: electronShell,
    notifier: createNodeNotifier(),
    power: createClockJumpPower(),
    loginItem: {
      isEnabled: async () => loginAtStart,
      setEnabled: async (enabled) => {
        loginAtStart = enabled
        app.setLoginItemSettings({ openAtLogin: enabled })
      },
    },
  }
}

/** Every web contents: no navigation away from the app, no new windows, no webviews; allow-listed links open outside. */
function lockDownContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isTrustedSenderUrl(url, renderer)) return
      event.preventDefault()
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
    })
    contents.on('will-redirect', (event, url) => {
      if (!isTrustedSenderUrl(url, renderer)) event.preventDefault()
    })
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}

function lockDownSession(): void {
  const csp = contentSecurityPolicy({ devServerUrl })
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1120,
    height: 780,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Token Desk',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(rendererFile)
  return window
}

async function start(): Promise<void> {
  const log = pino({ level: process.env.TOKEN_DESK_LOG_LEVEL ?? 'info' })
  lockDownSession()
  core = await createCore({ dataDir: app.getPath('userData'), adapters: adapters(), host: 'electron', log, version: app.getVersion() })
  registerIpc({ dispatch: core.dispatch, onRendererEvent: core.onRendererEvent, renderer })
  mainWindow = createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })
  lockDownContents()
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('will-quit', (event) => {
    if (!core || closing) return
    closing = true
    event.preventDefault()
    const closed = core
    core = null
    void closed.close().finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Token Desk could not start:', error instanceof Error ? error.message : error)
      app.exit(1)
    })
}

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
import { createElectronLoginItem } from './adapters/electron-login-item'
import { createElectronNotifier } from './adapters/electron-notifier'
import { createElectronPower } from './adapters/electron-power'
import { createElectronTray } from './adapters/electron-tray'
import type { Adapters } from './adapters/types'
import { createCore, type Core } from './core'
import { contentSecurityPolicy } from './services/content-security'
import { isAllowedExternalUrl } from './services/external-links'
import { isTrustedSenderUrl, type RendererLocation } from './ipc/trusted-sender'
import { remindersController } from './modules/reminders'

const here = import.meta.dirname ?? dirname(fileURLToPath(import.meta.url))
const rendererFile = join(here, '../renderer/index.html')
/** electron-vite sets this in `dev` only; a packaged or previewed app always loads the built file. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const renderer: RendererLocation = { fileUrl: pathToFileURL(rendererFile).href, devServerUrl }

let core: Core | null = null
let mainWindow: BrowserWindow | null = null

function adapters(log: pino.Logger): Adapters {
  return {
    http: electronHttp,
    clipboard: electronClipboard,
    shell: electronShell,
    notifier: createElectronNotifier({ onUnsupported: (title) => log.warn({ title }, 'notifications are not supported here') }),
    power: createElectronPower(),
    loginItem: createElectronLoginItem(),
  }
}

/** Shows the main window, creating it again if it was closed (the app lives on in the tray). */
function showWindow(): BrowserWindow {
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createWindow()
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
  return mainWindow
}

/** The tray, driven by the reminders module: its icon follows the most urgent token. */
function createTray(running: Core): (() => void) | null {
  const reminders = remindersController(running.bus)
  if (!reminders) return null
  const openToken = (instanceId: string | null) => {
    showWindow()
    if (instanceId) running.bus.emit('navigate', { instanceId, view: 'token' })
  }
  const tray = createElectronTray(reminders.trayState(), {
    open: () => openToken(reminders.openTarget()),
    copyToken: () => {
      const instanceId = reminders.copyTarget()
      if (instanceId) void running.dispatch('token:copy', { instanceId }, { host: 'electron' })
    },
    checkNow: () => void reminders.checkNow(),
    quit: () => app.quit(),
  })
  tray.update(reminders.trayState(), { canCopy: reminders.copyTarget() !== null })
  const stop = reminders.onTrayStateChange((state) => tray.update(state, { canCopy: reminders.copyTarget() !== null }))
  return () => {
    stop()
    tray.destroy()
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

let destroyTray: (() => void) | null = null

async function start(): Promise<void> {
  const log = pino({ level: process.env.TOKEN_DESK_LOG_LEVEL ?? 'info' })
  lockDownSession()
  const running = await createCore({ dataDir: app.getPath('userData'), adapters: adapters(log), host: 'electron', log, version: app.getVersion() })
  core = running
  registerIpc({ dispatch: running.dispatch, onRendererEvent: running.onRendererEvent, renderer })
  // A clicked reminder asks for a view: bring the window up first, the renderer then navigates.
  running.bus.on('navigate', () => void showWindow())
  destroyTray = createTray(running)
  mainWindow = createWindow()
  app.on('activate', () => void showWindow())
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (core) showWindow()
  })
  lockDownContents()
  // With a tray the app keeps running for its reminders; without one, closing the window quits.
  app.on('window-all-closed', () => {
    if (!destroyTray && process.platform !== 'darwin') app.quit()
  })
  let closing = false
  app.on('will-quit', (event) => {
    if (!core || closing) return
    closing = true
    event.preventDefault()
    const closed = core
    core = null
    destroyTray?.()
    destroyTray = null
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

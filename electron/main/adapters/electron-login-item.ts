import { join } from 'node:path'
import { app } from 'electron'
import type { LoginItemAdapter } from './types'
import { createXdgAutostart } from './xdg-autostart'

/**
 * "Start Token Desk at login": Electron's login item on macOS and Windows, an XDG autostart entry on Linux
 * (Electron has no login item there). In development the app path is passed to the Electron binary.
 */
export function createElectronLoginItem(): LoginItemAdapter {
  const args = app.isPackaged ? [] : [app.getAppPath()]
  if (process.platform === 'linux') {
    return createXdgAutostart({
      configHome: process.env.XDG_CONFIG_HOME || join(app.getPath('home'), '.config'),
      id: 'token-desk',
      name: app.getName(),
      // An AppImage runs from a temporary mount: autostart must point at the AppImage file itself.
      exec: [process.env.APPIMAGE || process.execPath, ...args],
      icon: 'token-desk',
    })
  }
  const identity = { path: process.execPath, args }
  return {
    isEnabled: async () => app.getLoginItemSettings(identity).openAtLogin,
    setEnabled: async (enabled) => app.setLoginItemSettings({ openAtLogin: enabled, ...identity }),
  }
}

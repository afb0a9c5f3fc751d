import { homedir } from 'node:os'
import { join } from 'node:path'

/** The product name Electron's app.getPath('userData') uses for the folder. */
export const PRODUCT_NAME = 'Token Desk'

/**
 * The app's normal data folder, as Electron's app.getPath('userData') gives it, so the preview and the
 * desktop app share state: ~/.config/Token Desk (Linux, or $XDG_CONFIG_HOME), ~/Library/Application
 * Support/Token Desk (macOS), %APPDATA%\Token Desk (Windows).
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), PRODUCT_NAME)
}

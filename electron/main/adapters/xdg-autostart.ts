import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { autostartDesktopEntry } from '../services/login-item'
import type { LoginItemAdapter } from './types'

export type XdgAutostartOptions = {
  /** $XDG_CONFIG_HOME, or ~/.config when it is unset. */
  configHome: string
  /** File name without ".desktop", e.g. the app id. */
  id: string
  name: string
  /** The command that starts the app: the AppImage path, or the executable (plus the app path in development). */
  exec: readonly string[]
  icon?: string
}

/**
 * "Start at login" on Linux desktops: an XDG autostart entry. Enabled means our own file exists and is not
 * switched off by Hidden=true or X-GNOME-Autostart-enabled=false (what desktop settings tools write).
 */
export function createXdgAutostart(options: XdgAutostartOptions): LoginItemAdapter & { readonly path: string } {
  const dir = join(options.configHome, 'autostart')
  const path = join(dir, `${options.id}.desktop`)
  return {
    path,
    async isEnabled() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch {
        return false
      }
      return !/^Hidden\s*=\s*true\s*$/im.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/im.test(text)
    },
    async setEnabled(enabled) {
      if (!enabled) {
        await rm(path, { force: true })
        return
      }
      await mkdir(dir, { recursive: true })
      const entry = autostartDesktopEntry({ name: options.name, exec: options.exec, icon: options.icon, comment: 'Renewal reminders for First Due API tokens' })
      // Written aside and renamed, so a session starting meanwhile never reads half a file.
      const partial = `${path}.${process.pid}.tmp`
      await writeFile(partial, entry, { mode: 0o644 })
      await rename(partial, path)
    },
  }
}

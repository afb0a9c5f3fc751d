/// <reference types="electron-vite/node" />
import { readFileSync } from 'node:fs'
import { Menu, Tray, nativeImage, type NativeImage } from 'electron'
import type { TrayLevel, TrayState } from '../services/tray-state'
import expired1x from '../../../resources/tray/tray-expired.png?asset'
import expired2x from '../../../resources/tray/tray-expired@2x.png?asset'
import expiring1x from '../../../resources/tray/tray-expiring.png?asset'
import expiring2x from '../../../resources/tray/tray-expiring@2x.png?asset'
import ok1x from '../../../resources/tray/tray-ok.png?asset'
import ok2x from '../../../resources/tray/tray-ok@2x.png?asset'

export type TrayActions = {
  open(): void
  copyToken(): void
  checkNow(): void
  quit(): void
}

const iconFiles: Record<TrayLevel, [string, string]> = {
  ok: [ok1x, ok2x],
  expiring: [expiring1x, expiring2x],
  expired: [expired1x, expired2x],
}

function icon(level: TrayLevel): NativeImage {
  const image = nativeImage.createEmpty()
  const [normal, retina] = iconFiles[level]
  image.addRepresentation({ scaleFactor: 1, buffer: readFileSync(normal) })
  image.addRepresentation({ scaleFactor: 2, buffer: readFileSync(retina) })
  return image
}

/** The tray icon: its picture follows the level, its tooltip the soonest expiry; the menu runs `actions`. */
export function createElectronTray(initial: TrayState, actions: TrayActions): { update(state: TrayState, options?: { canCopy?: boolean }): void; destroy(): void } {
  const tray = new Tray(icon(initial.level))
  const menu = (canCopy: boolean) =>
    Menu.buildFromTemplate([
      { label: 'Open Token Desk', click: actions.open },
      { label: 'Copy token', enabled: canCopy, click: actions.copyToken },
      { label: 'Check now', click: actions.checkNow },
      { type: 'separator' },
      { label: 'Quit', click: actions.quit },
    ])
  let level = initial.level
  tray.setToolTip(initial.tooltip)
  tray.setContextMenu(menu(true))
  // Windows opens the window on a click; macOS and Linux show the menu.
  if (process.platform === 'win32') tray.on('click', actions.open)
  return {
    update(state, options = {}) {
      if (state.level !== level) tray.setImage(icon(state.level))
      level = state.level
      tray.setToolTip(state.tooltip)
      tray.setContextMenu(menu(options.canCopy ?? true))
    },
    destroy: () => tray.destroy(),
  }
}

import { BrowserWindow, ipcMain } from 'electron'
import { channels, type EventName } from '@shared/contract'
import type { Dispatch } from '../ipc/handler-table'
import { isTrustedSenderUrl, type RendererLocation } from '../ipc/trusted-sender'

export type IpcRegistration = {
  dispatch: Dispatch
  onRendererEvent(listener: (event: EventName, payload: unknown) => void): () => void
  renderer: RendererLocation
}

const FORBIDDEN = { ok: false, error: { code: 'forbidden', message: 'This page may not talk to Token Desk.' } } as const

/**
 * One `ipcMain.handle` per contract channel. A call is served only when it comes from the main frame of the
 * app's own renderer; everything else is refused without parsing. Events go to every window's renderer.
 */
export function registerIpc(registration: IpcRegistration): () => void {
  const names = Object.keys(channels)
  for (const channel of names) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const frame = event.senderFrame
      if (!frame || frame !== event.sender.mainFrame || !isTrustedSenderUrl(frame.url, registration.renderer)) return FORBIDDEN
      return registration.dispatch(channel, payload, { host: 'electron' })
    })
  }
  const unsubscribe = registration.onRendererEvent((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(event, payload)
    }
  })
  return () => {
    unsubscribe()
    for (const channel of names) ipcMain.removeHandler(channel)
  }
}

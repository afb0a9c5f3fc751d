import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildTokenDeskApi } from '@shared/contract/api'
import type { Result } from '@shared/contract/envelope'

/**
 * `window.tokenDesk`: one named method per contract channel and one `on…` per event, each returning an
 * unsubscribe. ipcRenderer itself is never exposed.
 */
const api = buildTokenDeskApi(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  (event, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(event, forward)
    return () => {
      ipcRenderer.removeListener(event, forward)
    }
  },
)

contextBridge.exposeInMainWorld('tokenDesk', api)

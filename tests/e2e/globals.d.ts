import type { TokenDeskApi } from '@shared/contract'

declare global {
  interface Window {
    /** The page's API: in the preview, built by the renderer's WebSocket bridge. */
    tokenDesk?: TokenDeskApi
  }
}

export {}

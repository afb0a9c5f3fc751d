import type { TokenDeskApi } from '@shared/contract'

declare global {
  interface Window {
    /** Set by Electron's preload, or by the browser preview's bridge when there is no preload. */
    tokenDesk?: TokenDeskApi
  }
}

export {}

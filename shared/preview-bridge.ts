import type { Result } from './contract/envelope'

/**
 * The browser preview's WebSocket protocol (electron/preview/server.ts ↔ renderer/src/bridge). JSON text
 * frames. The page invokes channels and receives events, exactly as Electron's preload would; the server may
 * also ask the page to use the browser's clipboard, because in the preview that is the user's clipboard.
 */
export const PREVIEW_BRIDGE_PATH = '/bridge'

export type PageMessage =
  | { type: 'invoke'; id: number; channel: string; payload: unknown }
  | { type: 'clipboard-done'; id: number; ok: true; text?: string }
  | { type: 'clipboard-done'; id: number; ok: false; message: string }

export type ClipboardOp = 'write' | 'read' | 'clear'

export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'clipboard'; id: number; op: ClipboardOp; text?: string }

import type { WebSocket } from 'ws'
import type { ClipboardOp, PageMessage, ServerMessage } from '@shared/preview-bridge'

/** How long the page may take to use its clipboard before the core hears a failure. */
const CLIPBOARD_TIMEOUT_MS = 10_000

type Waiter = {
  resolve(text: string | undefined): void
  reject(error: Error): void
  timer: ReturnType<typeof setTimeout>
}

/**
 * The preview's link to its open pages: broadcasts core events to every page and routes clipboard work to the
 * page the user last acted in (in the preview the browser's clipboard is the user's clipboard).
 */
export class PageLink {
  private readonly sockets = new Set<WebSocket>()
  private lastActive: WebSocket | null = null
  private readonly waiting = new Map<number, Waiter>()
  private nextId = 1

  add(socket: WebSocket): void {
    this.sockets.add(socket)
    this.lastActive ??= socket
  }

  remove(socket: WebSocket): void {
    this.sockets.delete(socket)
    if (this.lastActive === socket) this.lastActive = [...this.sockets].at(-1) ?? null
  }

  /** The page that last called the core: its clipboard is the one the user is looking at. */
  markActive(socket: WebSocket): void {
    this.lastActive = socket
  }

  get size(): number {
    return this.sockets.size
  }

  send(socket: WebSocket, message: ServerMessage): void {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }

  broadcast(message: ServerMessage): void {
    for (const socket of this.sockets) this.send(socket, message)
  }

  /** Ask the active page to write, read or clear the browser clipboard. */
  clipboard(op: ClipboardOp, text?: string): Promise<string | undefined> {
    const target = this.lastActive
    if (!target || target.readyState !== target.OPEN) {
      return Promise.reject(new Error('No Token Desk page is open to receive the clipboard.'))
    }
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id)
        reject(new Error('The page did not answer the clipboard request in time.'))
      }, CLIPBOARD_TIMEOUT_MS)
      timer.unref?.()
      this.waiting.set(id, { resolve, reject, timer })
      this.send(
        target,
        text === undefined ? { type: 'clipboard', id, op } : { type: 'clipboard', id, op, text },
      )
    })
  }

  settleClipboard(message: Extract<PageMessage, { type: 'clipboard-done' }>): void {
    const waiter = this.waiting.get(message.id)
    if (!waiter) return
    this.waiting.delete(message.id)
    clearTimeout(waiter.timer)
    if (message.ok) waiter.resolve(message.text)
    else waiter.reject(new Error(`The browser refused the clipboard: ${message.message}`))
  }

  close(): void {
    for (const waiter of this.waiting.values()) {
      clearTimeout(waiter.timer)
      waiter.reject(new Error('The preview is closing.'))
    }
    this.waiting.clear()
    for (const socket of this.sockets) socket.close(1001, 'preview closing')
    this.sockets.clear()
    this.lastActive = null
  }
}

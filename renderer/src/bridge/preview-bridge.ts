import { buildTokenDeskApi, type EventName, type Result, type TokenDeskApi } from '@shared/contract'
import { PREVIEW_BRIDGE_PATH, type PageMessage, type ServerMessage } from '@shared/preview-bridge'

const lost: Result<never> = {
  ok: false,
  error: {
    code: 'network',
    message:
      'Lost the connection to the Token Desk preview. Is it still running? If it was restarted, open the new URL it printed.',
  },
}
/** Reconnect delays: quick at first, then at most every 5 s. */
const RETRY_MS = [250, 500, 1000, 2000, 5000]

/** What this page last put on the clipboard (see the read fallback below). */
let lastWritten = ''

/**
 * The page's half of the preview's clipboard: the secret goes to the browser's (= the user's) clipboard.
 * Reading needs a permission the user may not have granted; then the page answers with what it last wrote,
 * so the core still clears its secret (clearing a secret weighs more than sparing a later copy).
 */
async function clipboardOp(
  message: Extract<ServerMessage, { type: 'clipboard' }>,
): Promise<string | undefined> {
  if (message.op === 'read') return navigator.clipboard.readText().catch(() => lastWritten)
  const text = message.op === 'write' ? (message.text ?? '') : ''
  await navigator.clipboard.writeText(text)
  lastWritten = text
  return undefined
}

/**
 * `window.tokenDesk` over the preview's WebSocket: the same contract as Electron's preload, built with the
 * same `buildTokenDeskApi`. The socket authenticates with the key cookie the server set on the page load.
 */
export function createPreviewApi(
  options: {
    url?: string
    /** The socket came back after a drop: events may have been missed. */ onReconnect?: () => void
  } = {},
): TokenDeskApi {
  const url = options.url ?? `ws://${location.host}${PREVIEW_BRIDGE_PATH}`
  let opened = false
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const queue: string[] = []
  let socket: WebSocket | null = null
  let nextId = 1
  let attempt = 0

  const send = (message: PageMessage) => {
    const text = JSON.stringify(message)
    if (socket?.readyState === WebSocket.OPEN) socket.send(text)
    else queue.push(text)
  }

  const onMessage = (event: MessageEvent) => {
    const message = JSON.parse(String(event.data)) as ServerMessage
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result)
      pending.delete(message.id)
    } else if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload)
    } else if (message.type === 'clipboard') {
      clipboardOp(message).then(
        (text) =>
          send({ type: 'clipboard-done', id: message.id, ok: true, ...(text === undefined ? {} : { text }) }),
        (error: unknown) =>
          send({ type: 'clipboard-done', id: message.id, ok: false, message: String(error) }),
      )
    }
  }

  const connect = () => {
    const current = new WebSocket(url)
    socket = current
    current.addEventListener('open', () => {
      attempt = 0
      for (const text of queue.splice(0)) current.send(text)
      if (opened) options.onReconnect?.()
      opened = true
    })
    current.addEventListener('message', onMessage)
    current.addEventListener('close', () => {
      // Calls in flight will never be answered: fail them plainly, then try again.
      for (const resolve of pending.values()) resolve(lost)
      pending.clear()
      setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)])
    })
  }
  connect()

  return buildTokenDeskApi(
    (channel, payload) =>
      new Promise((resolve) => {
        const id = nextId++
        pending.set(id, resolve)
        send({ type: 'invoke', id, channel, payload })
      }),
    (event: EventName, listener) => {
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener)
      return () => set.delete(listener)
    },
  )
}

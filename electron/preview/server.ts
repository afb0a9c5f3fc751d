import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EventName } from '@shared/contract'
import { PREVIEW_BRIDGE_PATH, type PageMessage } from '@shared/preview-bridge'
import type { Logger } from '../main/core-context'
import type { Dispatch } from '../main/ipc/handler-table'
import { checkRequest, keyCookieName } from './guard'
import type { PageLink } from './page-link'

/** Enough for the largest request the contract allows (an import of 20 million characters). */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

/** The app's CSP, with connect-src narrowed to this server's own WebSocket origin. */
export const contentSecurityPolicy = (port: number): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ws://127.0.0.1:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')

export type PreviewCore = {
  dispatch: Dispatch
  onRendererEvent(listener: (event: EventName, payload: unknown) => void): () => void
}

export type PreviewServerOptions = {
  core: PreviewCore
  link: PageLink
  /** The built renderer (out/renderer). */
  rendererDir: string
  /** 0 picks a free port. */
  port: number
  /** Random per start unless given (tests). */
  key?: string
  log: Logger
}

export type PreviewServer = { url: string; port: number; key: string; close(): Promise<void> }

/**
 * Serves the built renderer on 127.0.0.1 and bridges `window.tokenDesk` over a WebSocket onto the core's
 * handler table — the same one Electron's ipcMain uses. Every request is checked by `checkRequest`.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const key = options.key ?? randomBytes(24).toString('base64url')
  const root = resolve(options.rendererDir)
  const { link, core, log } = options
  let port = 0

  const secureHeaders = (response: ServerResponse) => {
    response.setHeader('Content-Security-Policy', contentSecurityPolicy(port))
    response.setHeader('Referrer-Policy', 'no-referrer')
    response.setHeader('X-Content-Type-Options', 'nosniff')
    response.setHeader('X-Frame-Options', 'DENY')
    response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
    response.setHeader('Cache-Control', 'no-store')
  }
  const refuse = (response: ServerResponse, status: number, text: string) => {
    response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text)
  }

  const serveFile = async (request: IncomingMessage, response: ServerResponse, viaQuery: boolean) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return refuse(response, 405, 'Method not allowed')
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    } catch {
      return refuse(response, 400, 'Bad request')
    }
    const relative = pathname === '/' ? 'index.html' : normalize(pathname).replace(/^[/\\]+/, '')
    const file = join(root, relative)
    if (!file.startsWith(root + sep) || relative.includes('\0')) return refuse(response, 404, 'Not found')
    const info = await stat(file).catch(() => null)
    if (!info?.isFile()) return refuse(response, 404, 'Not found')
    if (viaQuery) {
      // The page's later requests (assets, the WebSocket) carry the key in this cookie, never in a URL.
      response.setHeader('Set-Cookie', `${keyCookieName(port)}=${key}; HttpOnly; SameSite=Strict; Path=/`)
    }
    response.writeHead(200, {
      'Content-Type': mimeTypes[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
    })
    if (request.method === 'HEAD') return response.end()
    createReadStream(file).pipe(response)
  }

  const server = createServer((request, response) => {
    secureHeaders(response)
    const verdict = checkRequest(request, { port, key, websocket: false })
    if (!verdict.ok) {
      log.warn(
        { reason: verdict.reason, path: (request.url ?? '').split('?')[0] },
        'preview: refused a request',
      )
      return refuse(response, 403, 'Forbidden: open the exact URL the preview printed.')
    }
    serveFile(request, response, verdict.viaQuery).catch((error: unknown) => {
      log.error({ err: String(error) }, 'preview: serving a file failed')
      if (!response.headersSent) refuse(response, 500, 'Internal error')
      else response.destroy()
    })
  })

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  server.on('upgrade', (request, socket, head) => {
    const verdict = checkRequest(request, { port, key, websocket: true })
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    if (!verdict.ok || path !== PREVIEW_BRIDGE_PATH) {
      log.warn({ reason: verdict.ok ? 'unknown path' : verdict.reason }, 'preview: refused a WebSocket')
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws))
  })

  const attach = (ws: WebSocket) => {
    link.add(ws)
    ws.on('close', () => link.remove(ws))
    ws.on('message', (data) => {
      let message: PageMessage
      try {
        message = JSON.parse(String(data)) as PageMessage
      } catch {
        return ws.close(1003, 'not JSON')
      }
      if (message?.type === 'clipboard-done' && typeof message.id === 'number')
        return link.settleClipboard(message)
      if (message?.type !== 'invoke' || typeof message.id !== 'number' || typeof message.channel !== 'string')
        return
      link.markActive(ws)
      const { id, channel, payload } = message
      core
        .dispatch(channel, payload, { host: 'preview' })
        .then((result) => link.send(ws, { type: 'result', id, result }))
    })
  }

  const unsubscribe = core.onRendererEvent((event, payload) =>
    link.broadcast({ type: 'event', event, payload }),
  )

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/?key=${key}`,
    port,
    key,
    async close() {
      unsubscribe()
      link.close()
      sockets.close()
      server.closeAllConnections()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** The cookie that carries the key after the first load; named per port because cookies ignore ports. */
export const keyCookieName = (port: number): string => `token_desk_preview_${port}`

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()

/** Constant-time comparison: hashing first makes both sides the same length, so nothing leaks via timing. */
export function keysMatch(given: string | null, key: string): boolean {
  return given !== null && timingSafeEqual(digest(given), digest(key))
}

function cookie(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim())
  }
  return null
}

export type Verdict = { ok: true; viaQuery: boolean } | { ok: false; reason: string }

/**
 * Who may talk to the preview: a request for exactly its own Host (no DNS rebinding), from its own Origin when
 * the browser names one (always for WebSockets: no cross-site WebSocket), carrying the key in `?key=` or in
 * the cookie set on the first load.
 */
export function checkRequest(
  request: IncomingMessage,
  options: { port: number; key: string; websocket: boolean },
): Verdict {
  const origin = `http://127.0.0.1:${options.port}`
  if ((request.headers.host ?? '').toLowerCase() !== `127.0.0.1:${options.port}`)
    return { ok: false, reason: 'foreign host' }
  const requestOrigin = request.headers.origin
  if (options.websocket && requestOrigin !== origin) return { ok: false, reason: 'foreign origin' }
  if (requestOrigin !== undefined && requestOrigin !== origin) return { ok: false, reason: 'foreign origin' }
  const queryKey = new URL(request.url ?? '/', origin).searchParams.get('key')
  if (keysMatch(queryKey, options.key)) return { ok: true, viaQuery: true }
  if (keysMatch(cookie(request, keyCookieName(options.port)), options.key))
    return { ok: true, viaQuery: false }
  return { ok: false, reason: 'missing or wrong key' }
}

/** Where the app's own renderer is loaded from: the built index.html, or the dev server in development. */
export type RendererLocation = { fileUrl: string; devServerUrl?: string }

/**
 * Whether an IPC sender frame is the app's own renderer. Anything else (a navigated-away frame, an iframe, a
 * page from elsewhere) is refused before the payload is even parsed.
 */
export function isTrustedSenderUrl(senderUrl: string | undefined | null, location: RendererLocation): boolean {
  if (!senderUrl) return false
  let sender: URL
  try {
    sender = new URL(senderUrl)
  } catch {
    return false
  }
  if (sender.protocol === 'file:') {
    const own = new URL(location.fileUrl)
    return own.protocol === 'file:' && sender.pathname === own.pathname && sender.host === ''
  }
  if (!location.devServerUrl) return false
  const dev = new URL(location.devServerUrl)
  return (dev.protocol === 'http:' || dev.protocol === 'https:') && sender.origin === dev.origin
}

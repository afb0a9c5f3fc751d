/**
 * The renderer's Content-Security-Policy: its own scripts and styles only, no inline script, no plugins, no
 * framing, no network except its own origin (all data comes over IPC). The dev server additionally needs
 * inline scripts (React refresh), injected styles and its WebSocket.
 */
export function contentSecurityPolicy(options: { devServerUrl?: string } = {}): string {
  const dev = options.devServerUrl ? new URL(options.devServerUrl) : null
  const devSocket = dev ? ` ws://${dev.host}` : ''
  return [
    "default-src 'none'",
    `script-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    // React sets styles through the CSSOM, which CSP allows; only the dev server injects <style> tags.
    `style-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${devSocket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
  ].join('; ')
}

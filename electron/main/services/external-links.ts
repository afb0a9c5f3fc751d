/** Sites the app may open in the user's browser: First Due's own. Everything else is refused. */
export const externalLinkHosts = ['firstdue.com'] as const

/** https only, and the host is an allow-listed domain or one of its subdomains. */
export function isAllowedExternalUrl(value: string): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false
  return externalLinkHosts.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`))
}

/** Sites the app may open in the user's browser: First Due's own domains. Everything else is refused. */
export const externalLinkHosts = ['firstdue.com', 'firstduesizeup.com'] as const

/**
 * https only, no credentials or port, and the host is an allow-listed domain (or a subdomain of one) or
 * exactly one of `tenantHosts` — the hosts of the First Due tenants the user added, for guided regeneration.
 */
export function isAllowedExternalUrl(value: string, tenantHosts: readonly string[] = []): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false
  if (tenantHosts.includes(url.hostname)) return true
  return externalLinkHosts.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`))
}

/** The https hosts of First Due tenant base URLs (loopback test tenants are http and never qualify). */
export function tenantHostsOf(instances: readonly { kind: string; baseUrl: string }[]): string[] {
  return instances
    .filter((instance) => instance.kind === 'first-due' && instance.baseUrl.startsWith('https://'))
    .map((instance) => new URL(instance.baseUrl).hostname)
}

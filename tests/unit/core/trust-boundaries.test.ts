import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../electron/main/services/content-security'
import { isAllowedExternalUrl, tenantHostsOf } from '../../../electron/main/services/external-links'
import { isTrustedSenderUrl } from '../../../electron/main/ipc/trusted-sender'

const built = { fileUrl: 'file:///opt/Token%20Desk/resources/app.asar/out/renderer/index.html' }

describe('IPC sender check', () => {
  it('trusts only the built renderer file', () => {
    expect(isTrustedSenderUrl('file:///opt/Token%20Desk/resources/app.asar/out/renderer/index.html', built)).toBe(true)
    expect(isTrustedSenderUrl('file:///opt/Token%20Desk/resources/app.asar/out/renderer/index.html#/settings', built)).toBe(true)
    expect(isTrustedSenderUrl('file:///tmp/evil.html', built)).toBe(false)
    expect(isTrustedSenderUrl('file://evil-host/opt/Token%20Desk/resources/app.asar/out/renderer/index.html', built)).toBe(false)
    expect(isTrustedSenderUrl('http://localhost:5173/', built)).toBe(false)
    expect(isTrustedSenderUrl('', built)).toBe(false)
    expect(isTrustedSenderUrl(undefined, built)).toBe(false)
    expect(isTrustedSenderUrl('not a url', built)).toBe(false)
  })
  it('trusts the dev server origin only when one is configured', () => {
    const dev = { ...built, devServerUrl: 'http://localhost:5173' }
    expect(isTrustedSenderUrl('http://localhost:5173/index.html', dev)).toBe(true)
    expect(isTrustedSenderUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSenderUrl('https://localhost:5173/', dev)).toBe(false)
    expect(isTrustedSenderUrl('http://localhost.evil.example:5173/', dev)).toBe(false)
  })
})

describe('external links', () => {
  it('opens https links to First Due only', () => {
    expect(isAllowedExternalUrl('https://firstdue.com')).toBe(true)
    expect(isAllowedExternalUrl('https://docs.firstdue.com/api')).toBe(true)
    for (const url of [
      'http://firstdue.com',
      'https://firstdue.com.evil.example',
      'https://evilfirstdue.com',
      'https://user:pw@firstdue.com',
      'https://firstdue.com:8443',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'nonsense',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false)
    }
  })

  it("also opens the web UI of a First Due tenant the user added, and no other host", () => {
    const tenants = tenantHostsOf([
      { kind: 'first-due', baseUrl: 'https://agency.example.org/fd-api/v1' },
      { kind: 'first-due', baseUrl: 'http://127.0.0.1:4780/fd-api/v1' },
      { kind: 'token-service', baseUrl: 'https://tokens.example.net/fd-api/v1' },
    ])
    expect(tenants).toEqual(['agency.example.org'])
    expect(isAllowedExternalUrl('https://sizeup.firstduesizeup.com/', tenants)).toBe(true)
    expect(isAllowedExternalUrl('https://agency.example.org/', tenants)).toBe(true)
    expect(isAllowedExternalUrl('https://tokens.example.net/', tenants)).toBe(false)
    expect(isAllowedExternalUrl('https://evil.agency.example.org/', tenants)).toBe(false)
    expect(isAllowedExternalUrl('http://agency.example.org/', tenants)).toBe(false)
  })
})

describe('content security policy', () => {
  it('is strict for the built app', () => {
    const csp = contentSecurityPolicy()
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("object-src 'none'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).not.toContain('unsafe-inline')
  })
  it('lets the dev server add inline scripts and its websocket only', () => {
    const csp = contentSecurityPolicy({ devServerUrl: 'http://localhost:5173' })
    expect(csp).toMatch(/script-src 'self' 'unsafe-inline'/)
    expect(csp).toContain("connect-src 'self' ws://localhost:5173")
  })
})

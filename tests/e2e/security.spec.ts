import { request as httpRequest } from 'node:http'
import { WebSocket } from 'ws'
import { expect, test } from './fixtures'
import { startPreview, type Preview } from './preview'

/** A raw HTTP GET with exactly the headers given (fetch would not let a test forge Host). */
function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers }, (response) => {
      response.resume()
      resolve({ status: response.statusCode ?? 0, headers: response.headers })
    })
    request.on('error', reject)
    request.end()
  })
}

/** Opens the bridge WebSocket; resolves with 'open' or the HTTP status it was refused with. */
function openSocket(url: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers })
    socket.on('open', () => {
      socket.close()
      resolve('open')
    })
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    socket.on('error', () => resolve(-1))
  })
}

test.describe('the preview refuses strangers', () => {
  let preview: Preview
  test.beforeAll(async () => {
    preview = await startPreview()
  })
  test.afterAll(async () => {
    await preview.stop()
  })

  test('HTTP: the key is required, Host and Origin must be its own; safe headers on every answer', async () => {
    const ok = await get(preview.url)
    expect(ok.status).toBe(200)
    expect(ok.headers['referrer-policy']).toBe('no-referrer')
    expect(ok.headers['content-security-policy']).toContain(
      `connect-src ${preview.origin.replace('http', 'ws')}`,
    )
    expect(ok.headers['content-security-policy']).toContain("script-src 'self'")
    const cookie = String(ok.headers['set-cookie'])
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')

    expect((await get(`${preview.origin}/`)).status).toBe(403)
    expect((await get(`${preview.origin}/?key=wrong-${preview.key}`)).status).toBe(403)
    expect((await get(preview.url, { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await get(preview.url, { Host: `localhost:${new URL(preview.origin).port}` })).status).toBe(403)
    expect((await get(preview.url, { Host: 'attacker.example' })).status).toBe(403)
    // The cookie the first load set is enough for assets.
    const keyCookie = cookie.split(';')[0]!
    expect((await get(`${preview.origin}/`, { Cookie: keyCookie })).status).toBe(200)
  })

  test('WebSocket: the key and its own Origin are both required', async () => {
    const bridge = `${preview.origin.replace('http', 'ws')}/bridge`
    const keyCookie = String((await get(preview.url)).headers['set-cookie']).split(';')[0]!
    expect(await openSocket(bridge, { Origin: preview.origin, Cookie: keyCookie })).toBe('open')
    expect(await openSocket(bridge, { Origin: preview.origin })).toBe(403)
    expect(await openSocket(bridge, { Origin: 'http://evil.example', Cookie: keyCookie })).toBe(403)
    expect(await openSocket(`${bridge}?key=${preview.key}`, { Origin: 'http://evil.example' })).toBe(403)
    expect(await openSocket(bridge, { Cookie: keyCookie })).toBe(403)
  })

  test('a page on another origin cannot reach the bridge', async ({ page }) => {
    // about:blank's null origin stands in for any foreign site.
    await page.goto('about:blank')
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(url)
          socket.onopen = () => resolve('open')
          socket.onerror = () => resolve('refused')
        }),
      `${preview.origin.replace('http', 'ws')}/bridge?key=${preview.key}`,
    )
    expect(outcome).toBe('refused')
  })
})

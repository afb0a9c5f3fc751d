import { describe, expect, it } from 'vitest'
import type { IncomingMessage } from 'node:http'
import { defaultDataDir } from '../../../electron/preview/data-dir'
import { checkRequest, keysMatch } from '../../../electron/preview/guard'

const request = (url: string, headers: Record<string, string>) =>
  ({ url, headers }) as unknown as IncomingMessage

describe('browser preview: data folder and request guard', () => {
  it('defaults to the folder Electron’s userData would be for "Token Desk"', () => {
    expect(defaultDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Token Desk')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ada')).toBe('/xdg/Token Desk')
    expect(defaultDataDir('darwin', {}, '/Users/ada')).toBe(
      '/Users/ada/Library/Application Support/Token Desk',
    )
    expect(defaultDataDir('win32', { APPDATA: 'C:/Users/ada/AppData/Roaming' }, 'C:/Users/ada')).toBe(
      'C:/Users/ada/AppData/Roaming/Token Desk',
    )
  })

  it('compares keys exactly, whatever their lengths', () => {
    expect(keysMatch('abc', 'abc')).toBe(true)
    expect(keysMatch('abcd', 'abc')).toBe(false)
    expect(keysMatch('', 'abc')).toBe(false)
    expect(keysMatch(null, 'abc')).toBe(false)
  })

  it('wants its own Host, its own Origin (always for WebSockets) and the key in the query or the cookie', () => {
    const options = { port: 4000, key: 'k3y', websocket: false }
    const host = { host: '127.0.0.1:4000' }
    expect(checkRequest(request('/?key=k3y', host), options)).toEqual({ ok: true, viaQuery: true })
    expect(
      checkRequest(request('/app.js', { ...host, cookie: 'a=1; token_desk_preview_4000=k3y' }), options),
    ).toEqual({ ok: true, viaQuery: false })
    expect(
      checkRequest(request('/app.js', { ...host, cookie: 'token_desk_preview_4001=k3y' }), options).ok,
    ).toBe(false)
    expect(checkRequest(request('/?key=k3y', { host: 'localhost:4000' }), options).ok).toBe(false)
    expect(checkRequest(request('/?key=k3y', { ...host, origin: 'http://evil.example' }), options).ok).toBe(
      false,
    )
    const ws = { ...options, websocket: true }
    expect(checkRequest(request('/bridge?key=k3y', host), ws).ok).toBe(false)
    expect(
      checkRequest(request('/bridge?key=k3y', { ...host, origin: 'http://127.0.0.1:4000' }), ws).ok,
    ).toBe(true)
  })
})

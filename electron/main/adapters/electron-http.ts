import { net } from 'electron'
import type { HttpFetch } from './types'

/** Chromium's network stack: system proxies, PAC and the OS certificate store apply, as in the user's browser. */
export const electronHttp: HttpFetch = (url, init) => net.fetch(url, init)

import type { HttpFetch } from './types'

/** Node's global fetch (undici): what the core uses outside Electron (tests, bench, browser preview). */
export const nodeHttp: HttpFetch = (url, init) => fetch(url, init)

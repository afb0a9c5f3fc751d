import type { Notice } from '@shared/contract'
import type { ShellAdapter } from '../adapters/types'
import { isAllowedExternalUrl } from '../services/external-links'
import type { HandlerMap } from './handler-table'

export type AppHandlerOptions = {
  version: string
  host: 'electron' | 'preview'
  /** Things the user must hear about that happened before a window listened (e.g. a recovered settings file). */
  notices(): Notice[]
  shell: ShellAdapter
  /** Hosts of the First Due tenants the user added: their web UI may be opened too. */
  tenantHosts(): string[]
}

export function createAppHandlers(options: AppHandlerOptions): HandlerMap<'app:info' | 'app:openExternal'> {
  return {
    'app:info': () => ({ version: options.version, host: options.host, notices: options.notices() }),
    'app:openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url, options.tenantHosts())) return { opened: false }
      await options.shell.openExternal(url)
      return { opened: true }
    },
  }
}

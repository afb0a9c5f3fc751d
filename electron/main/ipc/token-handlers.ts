import type { TokenManager } from '../services/token-manager'
import type { HandlerMap } from './handler-table'

type TokenChannels = 'token:status' | 'token:generate' | 'token:regenerate' | 'token:remove' | 'token:reveal' | 'token:copy' | 'token:paste'

/** token:test, :endpoints, :reportCompromise and :calendar belong to feature modules. */
export function createTokenHandlers(tokens: TokenManager): HandlerMap<TokenChannels> {
  return {
    'token:status': ({ instanceId }) => tokens.status(instanceId),
    'token:generate': ({ instanceId }) => tokens.generate(instanceId),
    'token:regenerate': ({ instanceId }) => tokens.regenerate(instanceId),
    'token:remove': ({ instanceId }) => tokens.remove(instanceId),
    'token:reveal': ({ instanceId }) => tokens.reveal(instanceId),
    'token:copy': ({ instanceId }) => tokens.copy(instanceId),
    'token:paste': ({ instanceId, token, expiresAt }) => tokens.paste(instanceId, token, expiresAt),
  }
}

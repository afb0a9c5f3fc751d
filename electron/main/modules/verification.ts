import { AppFailure, type CatalogEndpoint, type Channel, type Instance, type Verification } from '@shared/contract'
import type { CoreModule } from '../core-context'
import type { HandlerMap } from '../ipc/handler-table'
import { loadServiceCatalog, markAllowed } from '../services/endpoint-catalog'
import { defaultEndpoint, endpointLabel, findEndpoint, firstDueEndpoints, relativePath } from '../services/first-due-endpoints'
import { createTokenClient } from '../services/token-client'
import { classifyResult, DEFAULT_VERIFY_TIMEOUT_MS, verifyToken, type CallResult } from '../services/verifier'

type OwnChannels = Extract<Channel, 'token:test' | 'token:endpoints'>
type Bearer = () => Promise<string | null>

export type VerificationModuleOptions = { /** Time limit of each call made to verify a token. */ timeoutMs?: number }

/** A credential that is not there (signed out, nothing stored) is simply skipped; other errors are real. */
const optional = async (bearer: Bearer): Promise<string | null> => {
  try {
    return await bearer()
  } catch (error) {
    if (error instanceof AppFailure) return null
    throw error
  }
}

/**
 * "Test token" and the permission review. The call is made here, in the main process, with the token from
 * the keychain; the renderer only ever sees the classified result. Each result goes out as `token-verified`
 * (the token manager keeps it as the last verification, the activity log records it).
 */
export function createVerificationModule(options: VerificationModuleOptions = {}): CoreModule {
  return (context) => {
    const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS
    const client = createTokenClient({ fetch: context.adapters.http, timeoutMs, now: context.now })

    const instanceOf = (instanceId: string): Instance => {
      const instance = context.instances.get(instanceId)
      if (!instance) throw new AppFailure('not_found', 'This instance no longer exists.')
      return instance
    }

    /** Marks a catalog with the permissions `/me` reports for the first credential that works (unknown when none does). */
    const markPermissions = async (instance: Instance, catalog: readonly CatalogEndpoint[], bearers: Bearer[]): Promise<CatalogEndpoint[]> => {
      for (const bearer of bearers) {
        const credential = await optional(bearer)
        if (!credential) continue
        try {
          return markAllowed(catalog, (await client.me(instance.baseUrl, credential)).permissions)
        } catch (error) {
          if (!(error instanceof AppFailure)) throw error
          context.log.info({ instanceId: instance.id, code: error.code }, 'permission review: /me refused a credential')
        }
      }
      return markAllowed(catalog, null)
    }

    /** For a test the catalog is only a means: when the service cannot be reached, that is the answer. */
    const catalogForTest = async (instance: Instance): Promise<{ catalog: readonly CatalogEndpoint[]; unreachable: CallResult | null }> => {
      if (instance.kind === 'first-due') return { catalog: firstDueEndpoints, unreachable: null }
      try {
        return { catalog: await loadServiceCatalog(client, instance.baseUrl), unreachable: null }
      } catch (error) {
        if (!(error instanceof AppFailure)) throw error
        const down = error.code === 'network' || error.code === 'timeout'
        return { catalog: firstDueEndpoints, unreachable: down ? { ok: false, code: error.code, details: error.details ?? {} } : null }
      }
    }

    const test = async (instanceId: string, requested: string | undefined): Promise<Verification> => {
      const instance = instanceOf(instanceId)
      const token = await context.credentials.userToken(instanceId)
      if (!token) throw new AppFailure('no_token', 'Token Desk holds no token for this instance: generate or paste one first.')
      const { catalog, unreachable } = await catalogForTest(instance)
      // The default is the first endpoint the tested token's own role may call.
      const chosen = requested
        ? findEndpoint(catalog, requested)
        : defaultEndpoint(unreachable ? catalog : await markPermissions(instance, catalog, [async () => token]))
      if (!chosen) throw new AppFailure('invalid_request', `“${requested ?? ''}” is not an endpoint Token Desk can test.`, { endpoint: requested ?? null })
      const call = {
        kind: instance.kind,
        endpoint: endpointLabel(chosen),
        requiredPermission: chosen.requiredPermission,
        storedExpiresAt: context.tokens.get(instanceId)?.expiresAt ?? null,
        timeoutMs,
      }
      const verification = unreachable
        ? classifyResult({ ...call, result: unreachable, now: context.now() })
        : await verifyToken({ ...call, client, baseUrl: instance.baseUrl, path: relativePath(chosen.path), token, now: context.now })
      context.bus.emit('token-verified', { instanceId, verification })
      return verification
    }

    const handlers: HandlerMap<OwnChannels> = {
      'token:test': ({ instanceId, endpoint }) => test(instanceId, endpoint),
      'token:endpoints': async ({ instanceId }) => {
        const instance = instanceOf(instanceId)
        if (instance.kind === 'first-due') return [...firstDueEndpoints]
        const catalog = await loadServiceCatalog(client, instance.baseUrl)
        // The permission review is about the signed-in user; without a session, the stored token's user.
        return markPermissions(instance, catalog, [() => context.credentials.sessionToken(instanceId), () => context.credentials.userToken(instanceId)])
      },
    }
    return { handlers }
  }
}

export const verificationModule: CoreModule = createVerificationModule()

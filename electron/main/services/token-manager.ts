import { AppFailure, type TokenChange, type TokenView } from '@shared/contract'
import { daysLeft, tokenStatus } from '@shared/token-status'
import type { SettingsReader } from '../core-context'
import type { ClipboardService } from './clipboard'
import type { EventBus } from './event-bus'
import type { InstancesService } from './instances'
import { secretAccounts, type SecretStore } from './secret-store'
import type { SessionsService } from './sessions'
import type { NewToken, ServiceToken, TokenClient } from './token-client'
import { emptyMetadata, type TokenMetadata, type TokenMetadataStore } from './token-metadata'

export type TokenManager = {
  status(instanceId: string): Promise<TokenView>
  generate(instanceId: string): Promise<TokenChange>
  regenerate(instanceId: string): Promise<TokenChange>
  /** Deletes the token on the service (token services) and the local copy. */
  remove(instanceId: string): Promise<TokenView>
  /** The only call that hands plaintext to the renderer. */
  reveal(instanceId: string): Promise<{ token: string }>
  copy(instanceId: string): Promise<{ clearsInSeconds: number }>
  /** Stores a token made elsewhere: a First Due tenant's, or one regenerated outside Token Desk. */
  paste(instanceId: string, token: string, expiresAt: string): Promise<TokenView>
  /** The stored token for main-process callers (verification); null when none is stored. */
  userToken(instanceId: string): Promise<string | null>
}

export type TokenManagerOptions = {
  instances: InstancesService
  sessions: SessionsService
  secrets: SecretStore
  client: TokenClient
  metadata: TokenMetadataStore
  settings: SettingsReader
  clipboard: ClipboardService
  bus: EventBus
  now: () => Date
}

const hintOf = (token: string) => token.slice(-4)
/** Failures that mean "the service could not be asked", where cached metadata is the honest answer. */
const unreachable = new Set(['network', 'timeout', 'server_error'])
const NOT_STORED = 'Token Desk holds no token for this instance.'
const FIRST_DUE_GENERATE =
  'First Due tenants make tokens in First Due itself (My Profile → API Token): generate it there, then paste it here.'

/** The user token's lifecycle. The plaintext only ever passes from the service to the keychain (and to reveal/copy). */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  const { instances, sessions, secrets, client, metadata, bus } = options
  const userTokenAccount = secretAccounts.userToken

  const view = (instanceId: string, meta: TokenMetadata, source: TokenView['source']): TokenView => {
    const now = options.now()
    const expiresAt = meta.expiresAt ? new Date(meta.expiresAt) : null
    const serviceHint = instances.get(instanceId)?.kind === 'token-service' ? meta.serviceHint : meta.hint
    return {
      instanceId,
      status: tokenStatus(expiresAt, now, options.settings.get().reminderDays),
      createdAt: meta.createdAt,
      expiresAt: meta.expiresAt,
      lastUsedAt: meta.lastUsedAt,
      lastVerifiedAt: meta.lastVerifiedAt,
      lastVerification: meta.lastVerification,
      hint: serviceHint ?? meta.hint,
      daysLeft: expiresAt ? daysLeft(expiresAt, now) : null,
      stored: meta.stored,
      replacedElsewhere: replacedElsewhere(meta),
      source,
    }
  }
  const replacedElsewhere = (meta: TokenMetadata) => meta.stored && meta.serviceHint !== null && meta.hint !== null && meta.serviceHint !== meta.hint

  const storedHint = async (instanceId: string) => {
    const token = await secrets.get(userTokenAccount(instanceId))
    return token ? hintOf(token) : null
  }
  const fromService = (service: ServiceToken): Partial<TokenMetadata> => ({
    createdAt: service.createdAt,
    expiresAt: service.expiresAt,
    lastUsedAt: service.lastUsedAt,
    serviceHint: service.hint,
    checkedAt: options.now().toISOString(),
  })
  const readService = (instanceId: string) => sessions.withSession(instanceId, (session, instance) => client.tokenStatus(instance.baseUrl, session))

  /** Records what the service said; tells everyone once when its token is not the one in the keychain. */
  const record = async (instanceId: string, service: ServiceToken) => {
    const before = metadata.read(instanceId)
    const hint = await storedHint(instanceId)
    const meta = metadata.update(instanceId, { ...fromService(service), hint, stored: hint !== null })
    if (replacedElsewhere(meta) && before.serviceHint !== meta.serviceHint) {
      bus.emit('token-changed', { instanceId, change: 'replaced-elsewhere', hint: meta.serviceHint, expiresAt: meta.expiresAt })
    }
    return meta
  }

  const requireTokenService = (instanceId: string) => {
    if (instances.require(instanceId).kind !== 'token-service') throw new AppFailure('unsupported', FIRST_DUE_GENERATE)
  }

  /** The answer never arrived: ask the service what happened before saying anything. */
  const explainTimeout = async (instanceId: string, hintBefore: string | null): Promise<never> => {
    let service: ServiceToken
    try {
      service = await readService(instanceId)
    } catch {
      throw new AppFailure('timeout', 'The service did not answer in time, and Token Desk could not check whether a new token was made. Check the status before trying again.', { changed: null })
    }
    await record(instanceId, service)
    if (service.hint !== hintBefore && service.hint !== null) {
      throw new AppFailure(
        'timeout',
        'The service answered too late: it did make a new token, but Token Desk never received it, and your previous token no longer works. Regenerate once more to get a token you can use.',
        { changed: true },
      )
    }
    throw new AppFailure('timeout', 'The service did not answer in time and nothing changed: your token is as it was. Try again.', { changed: false })
  }

  const create = async (instanceId: string, mode: 'generate' | 'regenerate'): Promise<TokenChange> => {
    requireTokenService(instanceId)
    await secrets.checkWritable(secretAccounts.writeCheck(instanceId))
    // What the service's token was before the call, as far as we know: compared with what it says after a timeout.
    const known = metadata.read(instanceId)
    const hintBefore = known.checkedAt ? known.serviceHint : await storedHint(instanceId)
    let fresh: NewToken
    try {
      fresh = await sessions.withSession(instanceId, (session, instance) => client[mode](instance.baseUrl, session))
    } catch (error) {
      if (error instanceof AppFailure && error.code === 'timeout') return explainTimeout(instanceId, hintBefore)
      throw error
    }
    let unsavedToken: string | null = null
    try {
      await secrets.set(userTokenAccount(instanceId), fresh.token)
    } catch {
      // The service already made the token: hand it over once rather than lose it. The old copy is dead now.
      unsavedToken = fresh.token
      await secrets.delete(userTokenAccount(instanceId)).catch(() => undefined)
    }
    const saved = unsavedToken === null
    const meta = metadata.recordNewToken(instanceId, { ...fromService(fresh), hint: saved ? fresh.hint : null, stored: saved })
    bus.emit('token-changed', { instanceId, change: mode === 'generate' ? 'generated' : 'regenerated', hint: fresh.hint, expiresAt: fresh.expiresAt })
    return { view: view(instanceId, meta, 'service'), unsavedToken }
  }

  const requireStored = async (instanceId: string) => {
    instances.require(instanceId)
    const token = await secrets.get(userTokenAccount(instanceId))
    if (!token) throw new AppFailure('no_token', NOT_STORED)
    return token
  }

  bus.on('token-verified', ({ instanceId, verification }) => {
    if (instances.get(instanceId)) metadata.update(instanceId, { lastVerifiedAt: verification.at, lastVerification: verification })
  })

  return {
    async status(instanceId) {
      const instance = instances.require(instanceId)
      if (instance.kind !== 'token-service') return view(instanceId, metadata.read(instanceId), 'cache')
      try {
        return view(instanceId, await record(instanceId, await readService(instanceId)), 'service')
      } catch (error) {
        if (error instanceof AppFailure && unreachable.has(error.code)) return view(instanceId, metadata.read(instanceId), 'cache')
        throw error
      }
    },

    generate: (instanceId) => create(instanceId, 'generate'),
    regenerate: (instanceId) => create(instanceId, 'regenerate'),

    async remove(instanceId) {
      const instance = instances.require(instanceId)
      if (instance.kind === 'token-service') {
        await sessions
          .withSession(instanceId, (session) => client.removeToken(instance.baseUrl, session))
          .catch((error: unknown) => {
            // Already gone on the service: removing the local copy is all that is left to do.
            if (!(error instanceof AppFailure && error.code === 'no_token')) throw error
          })
      }
      await secrets.delete(userTokenAccount(instanceId))
      const { lastVerifiedAt: _at, lastVerification: _verification, ...cleared } = emptyMetadata
      const meta = metadata.update(instanceId, { ...cleared, checkedAt: options.now().toISOString() })
      bus.emit('token-changed', { instanceId, change: 'removed', hint: null, expiresAt: null })
      return view(instanceId, meta, instance.kind === 'token-service' ? 'service' : 'cache')
    },

    async reveal(instanceId) {
      const token = await requireStored(instanceId)
      bus.emit('token-used', { instanceId, action: 'revealed' })
      return { token }
    },

    async copy(instanceId) {
      const token = await requireStored(instanceId)
      const result = await options.clipboard.copySecret(token, options.settings.get().clipboardClearSeconds)
      bus.emit('token-used', { instanceId, action: 'copied' })
      return result
    },

    async paste(instanceId, token, expiresAt) {
      const instance = instances.require(instanceId)
      let patch: Partial<TokenMetadata>
      if (instance.kind === 'token-service') {
        const service = await readService(instanceId)
        if (service.hint === null || service.hint !== hintOf(token)) {
          throw new AppFailure('invalid_request', service.hint ? `That is not the service's current token (it ends in …${service.hint}).` : 'The service has no token for you: generate one instead.')
        }
        // The last four characters match; make sure the service really accepts it before keeping it.
        await client.me(instance.baseUrl, token).catch((error: unknown) => {
          throw error instanceof AppFailure && error.code.startsWith('token_') ? new AppFailure('token_invalid', 'The service does not accept that token.') : error
        })
        patch = fromService(service)
      } else {
        patch = { createdAt: null, expiresAt: new Date(expiresAt).toISOString(), lastUsedAt: null, serviceHint: null, checkedAt: null }
      }
      await secrets.set(userTokenAccount(instanceId), token)
      const meta = metadata.recordNewToken(instanceId, { ...patch, hint: hintOf(token), stored: true })
      bus.emit('token-changed', { instanceId, change: 'pasted', hint: meta.hint, expiresAt: meta.expiresAt })
      return view(instanceId, meta, instance.kind === 'token-service' ? 'service' : 'cache')
    },

    userToken: (instanceId) => secrets.get(userTokenAccount(instanceId)),
  }
}

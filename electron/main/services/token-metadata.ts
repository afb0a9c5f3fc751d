import { z } from 'zod'
import { verificationSchema } from '@shared/contract'
import type { TokenDirectory, TokenSummary } from '../core-context'
import { openFileStore } from './file-store'

const isoOrNull = z.string().nullable()
/** Non-secret facts about an instance's token. Never the token: at most its last 4 characters. */
export const tokenMetadataSchema = z.object({
  /** Hint of the token in the keychain (null when none is stored). */
  hint: z.string().max(4).nullable(),
  stored: z.boolean(),
  createdAt: isoOrNull,
  expiresAt: isoOrNull,
  lastUsedAt: isoOrNull,
  lastVerifiedAt: isoOrNull,
  lastVerification: verificationSchema.nullable(),
  /** The service's hint when last read; differs from `hint` when the token was replaced elsewhere. */
  serviceHint: z.string().max(4).nullable(),
  /** When status was last read from the service. */
  checkedAt: isoOrNull,
})
export type TokenMetadata = z.infer<typeof tokenMetadataSchema>
const fileSchema = z.record(z.string(), tokenMetadataSchema)

export const emptyMetadata: TokenMetadata = {
  hint: null,
  stored: false,
  createdAt: null,
  expiresAt: null,
  lastUsedAt: null,
  lastVerifiedAt: null,
  lastVerification: null,
  serviceHint: null,
  checkedAt: null,
}

export type TokenMetadataStore = TokenDirectory & {
  read(instanceId: string): TokenMetadata
  update(instanceId: string, patch: Partial<TokenMetadata>): TokenMetadata
  /** Records a token that replaces whatever was there (generated, regenerated, pasted): it starts unverified. */
  recordNewToken(instanceId: string, patch: Partial<TokenMetadata>): TokenMetadata
  forget(instanceId: string): void
}

/** `token-metadata.json`: what the token manager shows when the service cannot be reached. */
export function createTokenMetadataStore(options: {
  dir: string
  now: () => Date
  onRecovered(info: { movedTo: string; reason: string }): void
}): TokenMetadataStore {
  const store = openFileStore({ dir: options.dir, name: 'token-metadata', schema: fileSchema, defaults: {}, now: options.now, onRecovered: options.onRecovered })
  const read = (instanceId: string) => store.read()[instanceId] ?? emptyMetadata
  const summary = (instanceId: string, meta: TokenMetadata): TokenSummary => ({
    instanceId,
    hint: meta.hint,
    createdAt: meta.createdAt,
    expiresAt: meta.expiresAt,
    stored: meta.stored,
  })
  const update = (instanceId: string, patch: Partial<TokenMetadata>) => {
    const current = read(instanceId)
    const next = { ...current, ...patch }
    if (JSON.stringify(next) !== JSON.stringify(current)) store.write({ ...store.read(), [instanceId]: next })
    return next
  }
  return {
    read,
    update,
    // A verification describes one token, so the previous token's result must not pass for the new one's.
    recordNewToken: (instanceId, patch) => update(instanceId, { ...patch, lastVerifiedAt: null, lastVerification: null }),
    forget(instanceId) {
      const { [instanceId]: _dropped, ...rest } = store.read()
      if (_dropped) store.write(rest)
    },
    list: () => Object.entries(store.read()).map(([instanceId, meta]) => summary(instanceId, meta)),
    get(instanceId) {
      const meta = store.read()[instanceId]
      return meta ? summary(instanceId, meta) : undefined
    },
  }
}

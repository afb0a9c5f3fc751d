import { describe, expect, it } from 'vitest'
import type { ErrorCode, VerificationOutcome } from '@shared/contract'
import { verificationSchema } from '@shared/contract'
import { classifyResult, formatInstant, outcomePrefixes, type CallResult, type ClassifyInput } from '../../../electron/main/services/verifier'

const now = new Date('2027-06-01T12:00:00.000Z')
const base: Omit<ClassifyInput, 'result'> = {
  storedExpiresAt: '2028-01-01T00:00:00.000Z',
  now,
  kind: 'token-service',
  endpoint: 'GET /fd-api/v1/fire-incidents',
  requiredPermission: 'fire_incidents.read',
  timeoutMs: 10_000,
}
const failure = (code: ErrorCode, details: Record<string, unknown> = {}): CallResult => ({ ok: false, code, details })
const classify = (result: CallResult, overrides: Partial<ClassifyInput> = {}) => classifyResult({ ...base, ...overrides, result })

/** The one prefix a message must start with: the longest outcome word it begins with must be its outcome's. */
const prefixOf = (message: string): VerificationOutcome | undefined =>
  (Object.entries(outcomePrefixes) as [VerificationOutcome, string][])
    .filter(([, word]) => message.startsWith(word))
    .sort((a, b) => b[1].length - a[1].length)[0]?.[0]

describe('classifyResult', () => {
  it('OK counts the records of the JSON array and reports the latency', () => {
    const v = classify({ ok: true, body: [{}, {}, {}, {}, {}, {}], hasNextPage: false, latencyMs: 41.6 })
    expect(v).toMatchObject({ outcome: 'ok', records: 6, latencyMs: 42, requiredPermission: null, expiredAt: null })
    expect(v.message).toBe('OK: 6 records returned in 42 ms.')
    expect(v.at).toBe(now.toISOString())
    expect(v.endpoint).toBe('GET /fd-api/v1/fire-incidents')
  })

  it('OK says when more pages follow, uses the singular for one record, and has no count for a non-array body', () => {
    expect(classify({ ok: true, body: new Array(20).fill({}), hasNextPage: true, latencyMs: 5 }).message).toBe(
      'OK: 20 records returned on the first page (more pages follow) in 5 ms.',
    )
    expect(classify({ ok: true, body: [{}], hasNextPage: false, latencyMs: 1 }).message).toBe('OK: 1 record returned in 1 ms.')
    const object = classify({ ok: true, body: { id: 1 }, hasNextPage: false, latencyMs: 3 })
    expect(object).toMatchObject({ outcome: 'ok', records: null, latencyMs: 3 })
  })

  it('Expired names the instant from the service, falling back to the stored expiry', () => {
    const fromService = classify(failure('token_expired', { status: 401, expired_at: '2027-05-30T08:15:00.000Z' }))
    expect(fromService).toMatchObject({ outcome: 'expired', expiredAt: '2027-05-30T08:15:00.000Z' })
    expect(fromService.message).toMatch(/^Expired since 2027-05-30 08:15 UTC\./)
    const fromStore = classify(failure('token_expired', { status: 401 }), { storedExpiresAt: '2027-05-01T00:00:00Z' })
    expect(fromStore.expiredAt).toBe('2027-05-01T00:00:00.000Z')
    expect(fromStore.message).toMatch(/^Expired since 2027-05-01 00:00 UTC/)
    const unknown = classify(failure('token_expired', { status: 401 }), { storedExpiresAt: null })
    expect(unknown).toMatchObject({ outcome: 'expired', expiredAt: null })
    expect(unknown.message).toMatch(/^Expired\. /)
  })

  it('Permission denied names the permission object and says an administrator must add it to the role', () => {
    const v = classify(failure('permission_denied', { status: 403, required_permission: 'fire_incidents.read' }), { requiredPermission: null })
    expect(v).toMatchObject({ outcome: 'permission_denied', requiredPermission: 'fire_incidents.read' })
    expect(v.message).toMatch(/^Permission denied/)
    expect(v.message).toContain('fire_incidents.read')
    expect(v.message).toMatch(/administrator must add fire_incidents\.read to the role/)
    // Without the service naming it, the catalog's permission is used.
    expect(classify(failure('permission_denied', { status: 403 })).requiredPermission).toBe('fire_incidents.read')
  })

  it('a revoked or unknown token from the token service is Invalid or revoked', () => {
    for (const code of ['token_invalid', 'token_missing'] as const) {
      const v = classify(failure(code, { status: 401 }))
      expect(v.outcome).toBe('invalid')
      expect(prefixOf(v.message)).toBe('invalid')
    }
  })

  it('API access disabled is its own outcome', () => {
    const v = classify(failure('api_access_disabled', { status: 403 }))
    expect(v.outcome).toBe('api_access_disabled')
    expect(v.message).toMatch(/^API access disabled/)
  })

  describe("First Due's codeless 403 (and 401)", () => {
    const firstDue = { kind: 'first-due' as const }
    it('past the stored expiry it is Expired since that date', () => {
      const v = classify(failure('forbidden', { status: 403 }), { ...firstDue, storedExpiresAt: '2027-05-31T23:00:00Z' })
      expect(v).toMatchObject({ outcome: 'expired', expiredAt: '2027-05-31T23:00:00.000Z' })
      expect(v.message).toMatch(/^Expired since 2027-05-31 23:00 UTC/)
    })
    it('an expiry at exactly now counts as past', () => {
      expect(classify(failure('forbidden', { status: 403 }), { ...firstDue, storedExpiresAt: now.toISOString() }).outcome).toBe('expired')
    })
    it('before the stored expiry it is "Invalid or revoked, or missing permission" with the FAQ advice', () => {
      for (const result of [failure('forbidden', { status: 403 }), failure('token_invalid', { status: 401 })]) {
        const v = classify(result, firstDue)
        expect(v.outcome).toBe('invalid_or_permission')
        expect(v.message.startsWith('Invalid or revoked, or missing permission')).toBe(true)
        expect(v.message).toContain('First Due answered')
        expect(v.message).toContain('administrator must add fire_incidents.read')
        expect(v.requiredPermission).toBe('fire_incidents.read')
      }
    })
    it('with no stored expiry it cannot say Expired', () => {
      expect(classify(failure('forbidden', { status: 403 }), { ...firstDue, storedExpiresAt: null }).outcome).toBe('invalid_or_permission')
    })
    it('a codeless 403 from a token-service instance is classified the same way', () => {
      expect(classify(failure('forbidden', { status: 403 })).outcome).toBe('invalid_or_permission')
      expect(classify(failure('forbidden', { status: 403 }), { storedExpiresAt: '2027-01-01T00:00:00Z' }).outcome).toBe('expired')
    })
  })

  it('transport failures: Network error with its reason, Timed out with the limit', () => {
    const network = classify(failure('network', { reason: 'connect ECONNREFUSED 127.0.0.1:9' }))
    expect(network.outcome).toBe('network')
    expect(network.message).toMatch(/^Network error: could not reach the service \(connect ECONNREFUSED 127\.0\.0\.1:9\)/)
    const timeout = classify(failure('timeout'), { timeoutMs: 1500 })
    expect(timeout.outcome).toBe('timeout')
    expect(timeout.message).toMatch(/^Timed out: no answer within 1\.5 s/)
  })

  it('5xx and unexpected answers are Server error', () => {
    const v = classify(failure('server_error', { status: 503 }))
    expect(v.outcome).toBe('server_error')
    expect(v.message).toMatch(/^Server error: the service answered HTTP 503/)
    const notFound = classify(failure('not_found', { status: 404 }))
    expect(notFound.outcome).toBe('server_error')
    expect(notFound.message).toContain('HTTP 404, not_found')
  })

  it('every outcome produces a contract-valid Verification whose message starts with its own word', () => {
    const cases: [CallResult, Partial<ClassifyInput>][] = [
      [{ ok: true, body: [], hasNextPage: false, latencyMs: 0 }, {}],
      [failure('token_expired', { status: 401 }), {}],
      [failure('token_invalid', { status: 401 }), {}],
      [failure('forbidden', { status: 403 }), { kind: 'first-due' }],
      [failure('permission_denied', { status: 403 }), {}],
      [failure('api_access_disabled', { status: 403 }), {}],
      [failure('network'), {}],
      [failure('timeout'), {}],
      [failure('server_error', { status: 500 }), {}],
    ]
    const seen = new Set<VerificationOutcome>()
    for (const [result, overrides] of cases) {
      const v = verificationSchema.parse(classify(result, overrides))
      expect(prefixOf(v.message)).toBe(v.outcome)
      seen.add(v.outcome)
    }
    expect(seen.size).toBe(Object.keys(outcomePrefixes).length)
  })
})

describe('formatInstant', () => {
  it('prints date, minutes and UTC', () => {
    expect(formatInstant('2027-12-03T14:05:59.000Z')).toBe('2027-12-03 14:05 UTC')
  })
})

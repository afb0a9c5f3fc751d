import type { AdminUser, CatalogEndpoint, Integration, TokenView, Verification } from '@shared/contract'
import { describe, expect, it } from 'vitest'
import { selectChecklist, selectTokenHolders } from '../../../renderer/src/store/admin'
import type { AppState } from '../../../renderer/src/store/types'
import {
  defaultEndpointLabel,
  defaultExpiryDate,
  endpointLabel,
  expiryInstant,
  selectResult,
  tenantWebUrl,
} from '../../../renderer/src/store/verification'

const endpoint = (path: string, allowed: boolean | null): CatalogEndpoint => ({
  method: 'GET',
  path: `/fd-api/v1/${path}`,
  requiredPermission: `${path}.read`,
  description: path,
  allowed,
})

describe('Test token helpers', () => {
  it('labels an endpoint as the select shows it', () => {
    expect(endpointLabel(endpoint('stations', true))).toBe('GET /fd-api/v1/stations')
  })

  it('defaults to the first endpoint the role may call, else the first, else none', () => {
    expect(
      defaultEndpointLabel([
        endpoint('personnel', false),
        endpoint('stations', true),
        endpoint('dispatches', true),
      ]),
    ).toBe('GET /fd-api/v1/stations')
    expect(defaultEndpointLabel([endpoint('personnel', null), endpoint('stations', null)])).toBe(
      'GET /fd-api/v1/personnel',
    )
    expect(defaultEndpointLabel([endpoint('personnel', false)])).toBe('GET /fd-api/v1/personnel')
    expect(defaultEndpointLabel([])).toBeNull()
  })

  it('proposes an expiry one year out and stores the whole named day', () => {
    expect(defaultExpiryDate(Date.parse('2026-12-03T17:00:00Z'))).toBe('2027-12-03')
    expect(defaultExpiryDate(Date.parse('2028-02-29T08:00:00Z'))).toBe('2029-03-01') // no 29 February next year
    expect(expiryInstant('2027-12-03')).toBe('2027-12-03T23:59:59.000Z')
  })

  it("finds a tenant's web UI at its base URL's origin", () => {
    expect(tenantWebUrl('https://sizeup.firstduesizeup.com/fd-api/v1')).toBe(
      'https://sizeup.firstduesizeup.com/',
    )
    expect(tenantWebUrl('http://127.0.0.1:4780/fd-api/v1')).toBe('http://127.0.0.1:4780/')
  })
})

const user = (id: string, status: AdminUser['token']['status']): AdminUser => ({
  id,
  name: `User ${id}`,
  email: `${id}@demo.test`,
  role: { id: 'r', name: 'Role' },
  apiAccessEnabled: true,
  canGenerateTokens: true,
  token: { status, createdAt: null, expiresAt: null, lastUsedAt: null, hint: null },
})

const integration = (id: string, instanceId: string, status: Integration['status']): Integration => ({
  id,
  name: `Integration ${id}`,
  system: '',
  owner: 'Owner',
  contact: 'owner@example.org',
  environment: 'production',
  instanceId,
  notes: '',
  status,
  updatedAt: '2026-12-03T17:00:00.000Z',
})

const stateWith = (partial: {
  users?: AdminUser[]
  checklists?: AppState['admin']['checklists']
  list?: Integration[]
}) =>
  ({
    admin: { users: partial.users ?? [], checklists: partial.checklists ?? {} },
    integrations: { list: partial.list ?? [] },
  }) as unknown as AppState

describe('admin selectors', () => {
  it('names the users holding an active token (expired and none do not count), memoised', () => {
    const state = stateWith({
      users: [user('1', 'active'), user('2', 'expired'), user('3', 'active'), user('4', 'none')],
    })
    const holders = selectTokenHolders(state)
    expect(holders.map((item) => item.id)).toEqual(['1', '3'])
    expect(selectTokenHolders(state)).toBe(holders)
  })

  it('follows each checklist integration to its current state and counts what is left', () => {
    const checklists = { a: { reason: 'Leaked', integrationIds: ['i1', 'i2', 'gone'] } }
    const list = [
      integration('i1', 'a', 'needs-update'),
      integration('i2', 'a', 'current'),
      integration('i3', 'a', 'needs-update'),
    ]
    const view = selectChecklist(stateWith({ checklists, list }), 'a')
    expect(view?.reason).toBe('Leaked')
    expect(view?.items.map((item) => item.id)).toEqual(['i1', 'i2']) // a removed integration drops out; i3 was not part of it
    expect(view?.remaining).toBe(1)
    expect(selectChecklist(stateWith({ checklists, list }), 'b')).toBeNull()
  })
})

describe('the Test token result shown on the card', () => {
  const at = '2026-12-03T17:00:00.000Z'
  const result = { outcome: 'ok', at, message: 'OK: 6 records returned in 9 ms.' } as Verification
  const view = (patch: Partial<TokenView>) =>
    ({ lastVerifiedAt: at, createdAt: '2026-12-01T10:00:00.000Z', ...patch }) as TokenView
  const state = (tokenView: TokenView | undefined) =>
    ({
      verification: { results: { a: result } },
      token: { byInstance: tokenView ? { a: tokenView } : {} },
    }) as unknown as AppState

  it('is shown while it is the last verification of the token the card shows', () => {
    expect(selectResult(state(view({})), 'a')).toBe(result)
    expect(selectResult(state(view({ createdAt: null })), 'a')).toBe(result) // a pasted First Due token has no creation date
  })

  it('becomes history once the token changed (regenerated after it, pasted or removed) or the status is unknown', () => {
    expect(selectResult(state(view({ createdAt: '2026-12-03T17:05:00.000Z' })), 'a')).toBeNull()
    expect(selectResult(state(view({ lastVerifiedAt: null })), 'a')).toBeNull()
    expect(selectResult(state(undefined), 'a')).toBeNull()
  })
})

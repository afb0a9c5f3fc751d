import { describe, expect, it } from 'vitest'
import { catalogEndpointSchema } from '@shared/contract'
import { markAllowed } from '../../../electron/main/services/endpoint-catalog'
import { defaultEndpoint, endpointLabel, findEndpoint, firstDueEndpoints, relativePath } from '../../../electron/main/services/first-due-endpoints'

describe("First Due's built-in endpoint list", () => {
  it('lists the four documented read endpoints with their permission objects, allowed unknown', () => {
    expect(firstDueEndpoints.map((endpoint) => [endpointLabel(endpoint), endpoint.requiredPermission])).toEqual([
      ['GET /fd-api/v1/personnel', 'personnel.read'],
      ['GET /fd-api/v1/dispatches', 'dispatches.read'],
      ['GET /fd-api/v1/fire-incidents', 'fire_incidents.read'],
      ['GET /fd-api/v1/stations', 'stations.read'],
    ])
    for (const endpoint of firstDueEndpoints) {
      expect(catalogEndpointSchema.parse(endpoint).allowed).toBeNull()
    }
    expect(Object.isFrozen(firstDueEndpoints)).toBe(true)
  })
})

describe('catalog helpers', () => {
  const apiUser = ['api_token.generate', 'personnel.read', 'dispatches.read', 'stations.read']

  it('markAllowed marks each endpoint by the role permissions, or null when they are unknown', () => {
    const marked = markAllowed(firstDueEndpoints, apiUser)
    expect(marked.map((endpoint) => endpoint.allowed)).toEqual([true, true, false, true])
    expect(markAllowed(firstDueEndpoints, null).every((endpoint) => endpoint.allowed === null)).toBe(true)
    expect(firstDueEndpoints[0]?.allowed).toBeNull() // the input is not changed
  })

  it('defaultEndpoint is the first the role may call, else the first of unknown permission', () => {
    const crewLike = markAllowed(firstDueEndpoints, ['stations.read'])
    expect(defaultEndpoint(crewLike)?.path).toBe('/fd-api/v1/stations')
    expect(defaultEndpoint(firstDueEndpoints)?.path).toBe('/fd-api/v1/personnel')
    expect(defaultEndpoint(markAllowed(firstDueEndpoints, []))?.path).toBe('/fd-api/v1/personnel')
    expect(defaultEndpoint([])).toBeUndefined()
  })

  it('findEndpoint takes the path, the label or the last segment, and nothing outside the catalog', () => {
    expect(findEndpoint(firstDueEndpoints, '/fd-api/v1/stations')?.requiredPermission).toBe('stations.read')
    expect(findEndpoint(firstDueEndpoints, 'GET /fd-api/v1/fire-incidents')?.requiredPermission).toBe('fire_incidents.read')
    expect(findEndpoint(firstDueEndpoints, 'fire-incidents')?.path).toBe('/fd-api/v1/fire-incidents')
    expect(findEndpoint(firstDueEndpoints, 'https://evil.example/steal')).toBeUndefined()
    expect(findEndpoint(firstDueEndpoints, '/fd-api/v1/users')).toBeUndefined()
  })

  it('relativePath strips the API base path the instance URL already ends in', () => {
    expect(relativePath('/fd-api/v1/stations')).toBe('/stations')
    expect(relativePath('stations')).toBe('/stations')
  })
})

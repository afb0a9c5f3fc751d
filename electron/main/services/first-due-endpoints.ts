import type { CatalogEndpoint } from '@shared/contract'

/** The API base path every catalog path starts with (instances' base URLs end in it). */
export const API_BASE_PATH = '/fd-api/v1'

/**
 * First Due tenants have no catalog endpoint: these are First Due's documented read endpoints (the same four
 * the token service's catalog lists), with the permission object each needs. Whether the user's role has it
 * cannot be asked of First Due, so `allowed` is null.
 */
export const firstDueEndpoints: readonly CatalogEndpoint[] = Object.freeze([
  { method: 'GET', path: `${API_BASE_PATH}/personnel`, requiredPermission: 'personnel.read', description: 'Personnel records', allowed: null },
  { method: 'GET', path: `${API_BASE_PATH}/dispatches`, requiredPermission: 'dispatches.read', description: 'Dispatches (CAD calls)', allowed: null },
  { method: 'GET', path: `${API_BASE_PATH}/fire-incidents`, requiredPermission: 'fire_incidents.read', description: 'Fire incident (NFIRS) reports', allowed: null },
  { method: 'GET', path: `${API_BASE_PATH}/stations`, requiredPermission: 'stations.read', description: 'Stations', allowed: null },
])

/** A catalog path relative to an instance's base URL (which ends in /fd-api/v1): `/fd-api/v1/stations` → `/stations`. */
export const relativePath = (path: string): string => {
  const relative = path.startsWith(API_BASE_PATH) ? path.slice(API_BASE_PATH.length) : path
  return relative.startsWith('/') ? relative : `/${relative}`
}

/** `GET /fd-api/v1/stations` — how an endpoint is named to the user and in a Verification. */
export const endpointLabel = (endpoint: Pick<CatalogEndpoint, 'method' | 'path'>): string => `${endpoint.method} ${endpoint.path}`

/**
 * Finds the endpoint a request names: its path (`/fd-api/v1/stations`), its label (`GET /fd-api/v1/stations`)
 * or its last segment (`stations`). Only catalog entries can be called with a token: never an arbitrary URL.
 */
export function findEndpoint(catalog: readonly CatalogEndpoint[], name: string): CatalogEndpoint | undefined {
  const wanted = name.trim()
  return catalog.find(
    (endpoint) => endpoint.path === wanted || endpointLabel(endpoint) === wanted || endpoint.path.split('/').pop() === wanted,
  )
}

/** The default for "Test token": the first endpoint the role may call; when that is unknown, the first one. */
export function defaultEndpoint(catalog: readonly CatalogEndpoint[]): CatalogEndpoint | undefined {
  return catalog.find((endpoint) => endpoint.allowed === true) ?? catalog.find((endpoint) => endpoint.allowed === null) ?? catalog[0]
}

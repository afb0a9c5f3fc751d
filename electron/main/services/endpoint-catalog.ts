import { z } from 'zod'
import { AppFailure, type CatalogEndpoint } from '@shared/contract'
import type { TokenClient } from './token-client'

const rawCatalogSchema = z.array(
  z.object({ method: z.string(), path: z.string(), required_permission: z.string(), description: z.string().default('') }),
)

/** The token service's endpoint catalog (`GET /endpoints`, no authentication), `allowed` still unknown. */
export async function loadServiceCatalog(client: TokenClient, baseUrl: string): Promise<CatalogEndpoint[]> {
  const parsed = rawCatalogSchema.safeParse((await client.request(baseUrl, '/endpoints')).body)
  if (!parsed.success) throw new AppFailure('server_error', 'The service sent an endpoint catalog Token Desk does not understand.')
  return parsed.data.map((entry) => ({
    method: entry.method,
    path: entry.path,
    requiredPermission: entry.required_permission,
    description: entry.description,
    allowed: null,
  }))
}

/** The permission review: each endpoint marked with whether the role's permissions include what it needs. */
export function markAllowed(catalog: readonly CatalogEndpoint[], permissions: readonly string[] | null): CatalogEndpoint[] {
  const granted = permissions ? new Set(permissions) : null
  return catalog.map((endpoint) => ({ ...endpoint, allowed: granted ? granted.has(endpoint.requiredPermission) : null }))
}

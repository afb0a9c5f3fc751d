import type { Collection } from './db/records'

/** The permission objects a First Due role can hold (the subset this service knows). */
export const PERMISSIONS = [
  'api_token.generate',
  'personnel.read',
  'dispatches.read',
  'fire_incidents.read',
  'stations.read',
  'users.read',
  'users.manage',
  'audit.read',
] as const
export type Permission = (typeof PERMISSIONS)[number]

export const API_BASE = '/fd-api/v1'

export interface DataEndpoint {
  path: string
  collection: Collection
  permission: Permission
  description: string
}

/** The data endpoints, in the order the catalog lists them. */
export const DATA_ENDPOINTS: readonly DataEndpoint[] = [
  {
    path: `${API_BASE}/personnel`,
    collection: 'personnel',
    permission: 'personnel.read',
    description: 'The agency’s personnel records.',
  },
  {
    path: `${API_BASE}/dispatches`,
    collection: 'dispatches',
    permission: 'dispatches.read',
    description: 'Dispatches, oldest first; since=ISO keeps those created at or after it.',
  },
  {
    path: `${API_BASE}/fire-incidents`,
    collection: 'fire_incidents',
    permission: 'fire_incidents.read',
    description: 'Fire incident reports.',
  },
  {
    path: `${API_BASE}/stations`,
    collection: 'stations',
    permission: 'stations.read',
    description: 'The agency’s stations.',
  },
]

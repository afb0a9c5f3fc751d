import type { Clock } from './clock'
import type { Store } from './db/store'
import { hashPassword, verifyPasswordSync } from './passwords'
import { PERMISSIONS, type Permission } from './permissions'

const DAY_MS = 86_400_000

const DEMO_ROLES: readonly { name: string; permissions: readonly Permission[] }[] = [
  { name: 'Administrator', permissions: PERMISSIONS },
  {
    name: 'API Integration',
    permissions: ['api_token.generate', 'personnel.read', 'dispatches.read', 'stations.read'],
  },
  { name: 'Crew', permissions: ['personnel.read'] },
]

/** Demo Fire Rescue's three users, in the contract's order. */
export const DEMO_USERS = [
  { email: 'admin@demo.test', name: 'Avery Admin', role: 'Administrator', apiAccessEnabled: true },
  { email: 'api@demo.test', name: 'Integration Service', role: 'API Integration', apiAccessEnabled: true },
  { email: 'crew@demo.test', name: 'Casey Crew', role: 'Crew', apiAccessEnabled: false },
] as const

const STATION_NAMES = ['Central', 'Northside', 'Harbor', 'Hillcrest', 'Airport', 'Riverside']
const FIRST_NAMES = [
  'Jordan',
  'Riley',
  'Morgan',
  'Taylor',
  'Quinn',
  'Parker',
  'Reese',
  'Skyler',
  'Drew',
  'Rowan',
  'Emerson',
  'Hayden',
]
const LAST_NAMES = [
  'Alvarez',
  'Brooks',
  'Chen',
  'Diaz',
  'Ellis',
  'Foster',
  'Garcia',
  'Hughes',
  'Ito',
  'Jensen',
  'Kowalski',
  'Lopez',
]
const RANKS = ['Firefighter', 'Engineer', 'Lieutenant', 'Captain', 'Paramedic', 'Battalion Chief']
const NATURES = [
  'Structure fire',
  'Medical emergency',
  'Vehicle accident',
  'Alarm activation',
  'Brush fire',
  'Gas leak',
]
const STREETS = ['Main St', 'Oak Ave', 'Harbor Rd', 'Pine St', 'Lake Dr', 'Elm St', 'Cedar Ln']

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T
const address = (index: number): string => `${100 + ((index * 37) % 900)} ${pick(STREETS, index)}`

/** Demo users are created with an unusable hash: `setDemoPassword` gives them their password. */
const NO_PASSWORD = '!'

/** Fills an empty database with Demo Fire Rescue (roles, users without tokens, records); no-op once seeded. True when it seeded. */
export function seedDemo(store: Store, clock: Clock): boolean {
  if (store.records.meta('seed') !== null) return false
  const now = clock().getTime()
  store.transaction(() => {
    const roleIds = new Map(
      DEMO_ROLES.map((role) => [role.name, store.users.insertRole(role.name, role.permissions)]),
    )
    for (const user of DEMO_USERS) {
      store.users.insertUser({
        ...user,
        passwordHash: NO_PASSWORD,
        roleId: roleIds.get(user.role) as number,
        isDemo: true,
      })
    }
    const seededAt = new Date(now).toISOString()
    STATION_NAMES.forEach((name, index) => {
      const id = index + 1
      store.records.insert('stations', {
        id,
        createdAt: seededAt,
        body: {
          id,
          name: `Station ${id} — ${name}`,
          code: `ST${id}`,
          address: address(index),
          created_at: seededAt,
        },
      })
    })
    FIRST_NAMES.forEach((firstName, index) => {
      const id = index + 1
      const lastName = pick(LAST_NAMES, index)
      store.records.insert('personnel', {
        id,
        createdAt: seededAt,
        body: {
          id,
          first_name: firstName,
          last_name: lastName,
          email: `${firstName}.${lastName}@demo.test`.toLowerCase(),
          rank: pick(RANKS, index),
          station_id: (index % STATION_NAMES.length) + 1,
          created_at: seededAt,
        },
      })
    })
    // One dispatch per day over the last 45 days, id 1 the oldest.
    for (let index = 0; index < 45; index++) {
      const id = index + 1
      const createdAt = new Date(now - (45 - index) * DAY_MS + ((index * 7) % 24) * 3_600_000).toISOString()
      store.records.insert('dispatches', {
        id,
        createdAt,
        body: {
          id,
          nature: pick(NATURES, index),
          address: address(index),
          station_id: (index % 6) + 1,
          created_at: createdAt,
        },
      })
    }
    for (let index = 0; index < 30; index++) {
      const id = index + 1
      const createdAt = new Date(now - (30 - index) * DAY_MS).toISOString()
      store.records.insert('fire_incidents', {
        id,
        createdAt,
        body: {
          id,
          incident_number: `${new Date(now).getUTCFullYear()}-${String(id).padStart(5, '0')}`,
          incident_type: pick(NATURES, index * 3),
          address: address(index + 3),
          station_id: (index % 6) + 1,
          created_at: createdAt,
        },
      })
    }
    store.records.setMeta('seed', `demo ${seededAt}`)
  })
  return true
}

/**
 * Gives every demo user `password` (each with its own salt). The users are always set together, so when
 * the first one already has it (an embedded restart with the kept password) the three hashes are skipped.
 */
export function setDemoPassword(store: Store, password: string): void {
  const ids = store.users.demoUserIds()
  const first = ids[0] === undefined ? null : store.users.byId(ids[0])
  if (first && verifyPasswordSync(password, first.passwordHash)) return
  const hashes = ids.map(() => hashPassword(password))
  store.transaction(() =>
    ids.forEach((id, index) => store.users.setPasswordHash(id, hashes[index] as string)),
  )
}

import type { Store } from './db/store'
import type { UserRecord } from './db/users'

/** A user as authorization needs it: permissions resolved once per role. */
export interface AuthUser {
  id: number
  name: string
  email: string
  roleId: number
  roleName: string
  apiAccessEnabled: boolean
  permissions: ReadonlySet<string>
}

/**
 * Users and role permissions, cached in memory. Roles never change while the service runs; a user's
 * record is re-read whenever it changes (`forget`), so an authenticated call costs two Map lookups.
 */
export function createUserDirectory(store: Store) {
  const rolePermissions = new Map<number, ReadonlySet<string>>()
  const users = new Map<number, AuthUser>()

  const permissionsOf = (roleId: number): ReadonlySet<string> => {
    let permissions = rolePermissions.get(roleId)
    if (!permissions) {
      permissions = new Set(store.users.permissionsOf(roleId))
      rolePermissions.set(roleId, permissions)
    }
    return permissions
  }

  const toAuthUser = (record: UserRecord): AuthUser => ({
    id: record.id,
    name: record.name,
    email: record.email,
    roleId: record.roleId,
    roleName: record.roleName,
    apiAccessEnabled: record.apiAccessEnabled,
    permissions: permissionsOf(record.roleId),
  })

  return {
    get(userId: number): AuthUser | null {
      const cached = users.get(userId)
      if (cached) return cached
      const record = store.users.byId(userId)
      if (!record) return null
      const user = toAuthUser(record)
      users.set(userId, user)
      return user
    },
    toAuthUser,
    forget(userId: number): void {
      users.delete(userId)
    },
  }
}
export type UserDirectory = ReturnType<typeof createUserDirectory>

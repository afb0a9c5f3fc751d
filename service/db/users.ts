import type { Db } from './open'

export interface UserRecord {
  id: number
  name: string
  email: string
  passwordHash: string
  roleId: number
  roleName: string
  apiAccessEnabled: boolean
}

interface UserRow {
  id: number
  name: string
  email: string
  password_hash: string
  role_id: number
  role_name: string
  api_access_enabled: number
}

// Rows are mapped field by field: libsql adds a `_metadata` field that must never reach a response.
const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  name: row.name,
  email: row.email,
  passwordHash: row.password_hash,
  roleId: row.role_id,
  roleName: row.role_name,
  apiAccessEnabled: row.api_access_enabled === 1,
})

const SELECT_USER = `
  SELECT users.id, users.name, users.email, users.password_hash, users.role_id, roles.name AS role_name,
         users.api_access_enabled
  FROM users JOIN roles ON roles.id = users.role_id`

export function userQueries(db: Db) {
  const byEmail = db.prepare(`${SELECT_USER} WHERE users.email = ?`)
  const byId = db.prepare(`${SELECT_USER} WHERE users.id = ?`)
  const all = db.prepare(`${SELECT_USER} ORDER BY users.id`)
  const setAccess = db.prepare('UPDATE users SET api_access_enabled = ? WHERE id = ?')
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?')
  const demoIds = db.prepare('SELECT id FROM users WHERE is_demo = 1 ORDER BY id')
  const permissions = db.prepare(
    'SELECT permission FROM role_permissions WHERE role_id = ? ORDER BY permission',
  )
  const insertRole = db.prepare('INSERT INTO roles (name) VALUES (?)')
  const insertPermission = db.prepare('INSERT INTO role_permissions (role_id, permission) VALUES (?, ?)')
  const insertUser = db.prepare(
    'INSERT INTO users (name, email, password_hash, role_id, api_access_enabled, is_demo) VALUES (?, ?, ?, ?, ?, ?)',
  )

  return {
    byEmail: (email: string): UserRecord | null => {
      const row = byEmail.get(email) as UserRow | undefined
      return row ? toUser(row) : null
    },
    byId: (id: number): UserRecord | null => {
      const row = byId.get(id) as UserRow | undefined
      return row ? toUser(row) : null
    },
    all: (): UserRecord[] => (all.all() as UserRow[]).map(toUser),
    setApiAccess: (id: number, enabled: boolean): void => void setAccess.run(enabled ? 1 : 0, id),
    setPasswordHash: (id: number, hash: string): void => void setPassword.run(hash, id),
    demoUserIds: (): number[] => (demoIds.all() as { id: number }[]).map((row) => row.id),
    permissionsOf: (roleId: number): string[] =>
      (permissions.all(roleId) as { permission: string }[]).map((row) => row.permission),
    insertRole: (name: string, grants: readonly string[]): number => {
      const roleId = Number(insertRole.run(name).lastInsertRowid)
      for (const permission of grants) insertPermission.run(roleId, permission)
      return roleId
    },
    insertUser: (user: {
      name: string
      email: string
      passwordHash: string
      roleId: number
      apiAccessEnabled: boolean
      isDemo: boolean
    }): number =>
      Number(
        insertUser.run(
          user.name,
          user.email,
          user.passwordHash,
          user.roleId,
          user.apiAccessEnabled ? 1 : 0,
          user.isDemo ? 1 : 0,
        ).lastInsertRowid,
      ),
  }
}
export type UserQueries = ReturnType<typeof userQueries>

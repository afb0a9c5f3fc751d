import { createHash, randomBytes } from 'node:crypto'

/** 32 random bytes (256 bits) — enough entropy that one unsalted SHA-256 is a safe thing to store. */
const SECRET_BYTES = 32

export const USER_TOKEN_PREFIX = 'fdt_'
export const SESSION_PREFIX = 'fds_'

export const newUserToken = (): string => USER_TOKEN_PREFIX + randomBytes(SECRET_BYTES).toString('base64url')
export const newSessionToken = (): string => SESSION_PREFIX + randomBytes(SECRET_BYTES).toString('base64url')

/** What the database stores instead of a token or session: never the secret itself. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex')

/** The last 4 characters: enough to tell tokens apart, useless to an attacker. */
export const tokenHint = (token: string): string => token.slice(-4)

/** A random password for the demo users when none is given (printed once by the CLI only). */
export const newDemoPassword = (): string => randomBytes(12).toString('base64url')

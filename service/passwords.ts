import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'

// Node's default scrypt cost (N=2^14, r=8, p=1): ~50 ms per hash, the OWASP minimum for scrypt.
const COST = { N: 16384, r: 8, p: 1 }
const KEY_LENGTH = 32

/** `scrypt$N$r$p$salt$hash` (base64url), so the cost can be raised later without breaking old hashes. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(password, salt, KEY_LENGTH, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

interface ParsedHash {
  cost: { N: number; r: number; p: number }
  salt: Buffer
  hash: Buffer
}

function parseHash(stored: string): ParsedHash | null {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return null
  return {
    cost: { N: Number(n), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, 'base64url'),
    hash: Buffer.from(hash, 'base64url'),
  }
}

/** Verifies off the event loop (sign-in must not stall token checks). */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return Promise.resolve(false)
  return new Promise((resolve, reject) => {
    scrypt(
      password,
      parsed.salt,
      parsed.hash.length,
      { ...parsed.cost, maxmem: 64 * 1024 * 1024 },
      (error, derived) => {
        if (error) reject(error)
        else resolve(timingSafeEqual(derived, parsed.hash))
      },
    )
  })
}

/** Synchronous check, for start-up only (never on a request path). */
export function verifyPasswordSync(password: string, stored: string): boolean {
  const parsed = parseHash(stored)
  if (!parsed) return false
  const derived = scryptSync(password, parsed.salt, parsed.hash.length, { ...parsed.cost, maxmem: 64 * 1024 * 1024 })
  return timingSafeEqual(derived, parsed.hash)
}

let dummyHash: string | null = null
/**
 * Checked against unknown emails so that a wrong email costs the same time as a wrong password. Made on
 * first use, not at import, so starting the service costs no scrypt.
 */
export function dummyPasswordHash(): string {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'))
  return dummyHash
}

import { AppFailure } from '@shared/contract'

/** Something shaped like a token-service user token (`fdt_` and a long random tail). */
const tokenLike = /fdt_[A-Za-z0-9_-]{12,}/

/**
 * The reason given for a compromise report goes to the activity log, so it is one plain line and must not
 * carry the token itself (people paste what they found leaked). Returns the reason with whitespace collapsed.
 */
export function checkCompromiseReason(reason: string, storedToken: string | null): string {
  const line = reason.replace(/\s+/g, ' ').trim()
  if (line.length === 0) throw new AppFailure('invalid_request', 'Say why you think the token is compromised.', { field: 'reason' })
  const containsStored = storedToken !== null && storedToken.length >= 8 && reason.includes(storedToken)
  if (containsStored || tokenLike.test(line)) {
    throw new AppFailure('invalid_request', 'Leave the token itself out of the reason: the reason is kept in the activity log.', { field: 'reason' })
  }
  return line
}

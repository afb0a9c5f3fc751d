import { AppFailure } from '@shared/contract'
import { holdsToken } from './secret-guard'

/**
 * The reason given for a compromise report goes to the activity log, so it is one plain line and must not
 * carry the token itself (people paste what they found leaked). Returns the reason with whitespace collapsed.
 */
export function checkCompromiseReason(reason: string, storedToken: string | null): string {
  const line = reason.replace(/\s+/g, ' ').trim()
  if (line.length === 0) throw new AppFailure('invalid_request', 'Say why you think the token is compromised.', { field: 'reason' })
  if (holdsToken(reason, storedToken === null ? [] : [storedToken])) {
    throw new AppFailure('invalid_request', 'Leave the token itself out of the reason: the reason is kept in the activity log.', { field: 'reason' })
  }
  return line
}

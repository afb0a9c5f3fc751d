import { describe, expect, it } from 'vitest'
import { AppFailure } from '@shared/contract'
import { checkCompromiseReason } from '../../../electron/main/services/compromise-reason'

/** What `run` threw: an AppFailure is expected; anything else (or nothing) fails the test. */
const thrownBy = (run: () => unknown): AppFailure => {
  const error: unknown = (() => {
    try {
      run()
    } catch (caught) {
      return caught
    }
  })()
  expect(error).toBeInstanceOf(AppFailure)
  return error as AppFailure
}

describe('checkCompromiseReason', () => {
  it('keeps a reason as one line', () => {
    expect(checkCompromiseReason('  Posted in a public\n\nchannel  by mistake ', null)).toBe('Posted in a public channel by mistake')
  })

  it('refuses an empty reason', () => {
    expect(thrownBy(() => checkCompromiseReason(' \n ', null)).code).toBe('invalid_request')
  })

  it('refuses a reason that carries the stored token or anything token-shaped, since it goes to the activity log', () => {
    const stored = 'abc-def-ghi-jkl-123'
    const withStored = thrownBy(() => checkCompromiseReason(`found ${stored} in a gist`, stored))
    expect(withStored.code).toBe('invalid_request')
    expect(withStored.message).not.toContain(stored)
    expect(thrownBy(() => checkCompromiseReason('leaked: fdt_Q2hlY2tpbmcgdGhlIGxlYWs', null)).code).toBe('invalid_request')
    // Mentioning the prefix or a hint is fine.
    expect(checkCompromiseReason('the fdt_ token ending in 9f3a was in a log', stored)).toBe('the fdt_ token ending in 9f3a was in a log')
  })
})

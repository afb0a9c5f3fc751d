import { describe, expect, it } from 'vitest'
import { AppFailure } from '@shared/contract'
import { checkCompromiseReason } from '../../../electron/main/services/compromise-reason'

const failureOf = (run: () => unknown): AppFailure => {
  try {
    run()
  } catch (error) {
    if (error instanceof AppFailure) return error
    throw error
  }
  throw new Error('expected an AppFailure')
}

describe('checkCompromiseReason', () => {
  it('keeps a reason as one line', () => {
    expect(checkCompromiseReason('  Posted in a public\n\nchannel  by mistake ', null)).toBe('Posted in a public channel by mistake')
  })

  it('refuses an empty reason', () => {
    expect(failureOf(() => checkCompromiseReason(' \n ', null)).code).toBe('invalid_request')
  })

  it('refuses a reason that carries the stored token or anything token-shaped, since it goes to the activity log', () => {
    const stored = 'abc-def-ghi-jkl-123'
    const withStored = failureOf(() => checkCompromiseReason(`found ${stored} in a gist`, stored))
    expect(withStored.code).toBe('invalid_request')
    expect(withStored.message).not.toContain(stored)
    expect(failureOf(() => checkCompromiseReason('leaked: fdt_Q2hlY2tpbmcgdGhlIGxlYWs', null)).code).toBe('invalid_request')
    // Mentioning the prefix or a hint is fine.
    expect(checkCompromiseReason('the fdt_ token ending in 9f3a was in a log', stored)).toBe('the fdt_ token ending in 9f3a was in a log')
  })
})

import { describe, expect, it } from 'vitest'
import { describeError, describeWait, isSignInError, rowErrors } from '../../../renderer/src/store/errors'
import { formatReminderDays, parseReminderDays } from '../../../renderer/src/store/settings'

describe('plain-words errors', () => {
  it('say what happened and what to do for the FAQ cases', () => {
    expect(describeError({ code: 'token_expired', message: 'x' })).toMatch(
      /expired, so every API call made with it fails/,
    )
    expect(
      describeError({
        code: 'permission_denied',
        message: 'x',
        details: { required_permission: 'fire_incidents.read' },
      }),
    ).toBe(
      'Permission denied: your role lacks the permission object "fire_incidents.read". An administrator must add it to the role.',
    )
    expect(describeError({ code: 'rate_limited', message: 'x', details: { retry_after: 42 } })).toMatch(
      /try again in 42 seconds/,
    )
    expect(describeError({ code: 'internal', message: 'Token Desk hit an internal error.' })).toBe(
      'Token Desk hit an internal error.',
    )
  })

  it('formats the lock wait', () => {
    expect(describeWait(1)).toBe('1 second')
    expect(describeWait(59.2)).toBe('60 seconds')
    expect(describeWait(61)).toBe('2 minutes')
  })

  it('knows which errors mean "sign in again"', () => {
    expect(isSignInError({ code: 'session_expired', message: '' })).toBe(true)
    expect(isSignInError({ code: 'token_expired', message: '' })).toBe(false)
  })

  it('flattens import row errors of every shape', () => {
    expect(
      rowErrors({
        code: 'invalid_request',
        message: '',
        details: {
          rows: [{ row: 2, field: 'name', message: 'Required' }, { row: 0, message: 'bad header' }, 'loose'],
        },
      }),
    ).toEqual([
      { row: 2, message: 'name: Required' },
      { row: 0, message: 'bad header' },
      { row: null, message: 'loose' },
    ])
    expect(rowErrors({ code: 'internal', message: '' })).toEqual([])
  })
})

describe('reminder days in the settings form', () => {
  it('parses and formats', () => {
    expect(parseReminderDays('90, 30,7')).toEqual([90, 30, 7])
    expect(parseReminderDays('90; 3.5')).toBeNull()
    expect(parseReminderDays('  ')).toBeNull()
    expect(formatReminderDays([7, 90, 30])).toBe('90, 30, 7')
  })
})

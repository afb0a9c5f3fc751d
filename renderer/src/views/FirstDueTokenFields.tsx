import { useState } from 'react'
import { useApp } from '../app-store'
import { defaultExpiryDate, expiryInstant, type NewTenant } from '../store/verification'

/** The token First Due showed (a password field) and the expiration date it showed (default: a year from today). */
export function useFirstDueToken() {
  const [token, setToken] = useState('')
  const [expiry, setExpiry] = useState(() => defaultExpiryDate(Date.now()))
  return {
    token,
    expiry,
    setToken,
    setExpiry,
    expiresAt: () => expiryInstant(expiry),
    ready: token.trim().length >= 8 && expiry !== '',
  }
}

type Fields = ReturnType<typeof useFirstDueToken>

export function FirstDueTokenFields({ fields }: { fields: Fields }) {
  return (
    <>
      <label className="field">
        <span>Token</span>
        <input
          type="password"
          required
          minLength={8}
          autoComplete="off"
          spellCheck={false}
          value={fields.token}
          onChange={(e) => fields.setToken(e.target.value)}
        />
      </label>
      <label className="field">
        <span>Expiration date</span>
        <input
          type="date"
          required
          value={fields.expiry}
          onChange={(e) => fields.setExpiry(e.target.value)}
        />
      </label>
    </>
  )
}

/**
 * Adding a First Due tenant: the instance form's fields plus the token and its expiry; saving adds the
 * instance and pastes the token (instances:add, then token:paste).
 */
export function useTenantPaste() {
  const fields = useFirstDueToken()
  const error = useApp((state) => state.verification.addTenantError)
  const addTenant = useApp((state) => state.verification.addTenant)
  const clear = useApp((state) => state.verification.clearAddTenant)
  return {
    fields,
    error,
    clear,
    add: (instance: Omit<NewTenant, 'token' | 'expiresAt'>) =>
      addTenant({ ...instance, token: fields.token, expiresAt: fields.expiresAt() }),
  }
}

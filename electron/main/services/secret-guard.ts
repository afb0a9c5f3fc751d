/** Something shaped like a token-service user token (`fdt_` and a long random tail). */
const tokenLike = /fdt_[A-Za-z0-9_-]{12,}/

/**
 * Whether a text people typed holds an API token: one shaped like the token service's, or one of the tokens
 * Token Desk keeps (any format — a First Due tenant's included). Texts that end up in plain files, logs or
 * exports are checked with it before they are kept.
 */
export function holdsToken(text: string, storedTokens: readonly string[]): boolean {
  return tokenLike.test(text) || storedTokens.some((token) => token.length >= 8 && text.includes(token))
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** The expiry date in the user's locale, e.g. "3 December 2027". */
export const formatDate = (iso: string | null): string => (iso ? dateFormat.format(new Date(iso)) : '—')

/** A moment in the user's locale, e.g. "3 Dec 2026, 14:05"; "Never" when there is none. */
export const formatDateTime = (iso: string | null, none = 'Never'): string =>
  iso ? dateTimeFormat.format(new Date(iso)) : none

/** "1 integration" / "3 integrations". */
export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`

import { describe, expect, it } from 'vitest'
import { escapeCell, exportFilename, unescapeCell } from '../../../electron/main/services/integrations-transfer'
import { hideSecrets } from '../../../electron/main/services/activity-log'

describe('formula escaping of CSV cells', () => {
  it('prefixes cells a spreadsheet would run as a formula', () => {
    for (const cell of ['=SUM(A1:A2)', '+1', '-2', '@cmd', '\tx', '\rx', "'=x", "''+y"]) {
      expect(escapeCell(cell)).toBe(`'${cell}`)
    }
  })

  it('leaves every other cell alone', () => {
    for (const cell of ['', 'CAD sync', "'quoted'", "'", ' =not first', 'a=b', '5-3', "'a=b"]) {
      expect(escapeCell(cell)).toBe(cell)
    }
  })

  it('round-trips every value exactly, including ones that already start with apostrophes', () => {
    const cells = ['=1+1', '+', '-', '@', "'=x", "''=x", "'", "''", "'plain", 'plain', '', '\t=', '-10', "'-10", "'''@"]
    for (const cell of cells) expect(unescapeCell(escapeCell(cell))).toBe(cell)
  })
})

describe('export file names', () => {
  it('carry the UTC date and the format', () => {
    expect(exportFilename('csv', new Date('2026-12-03T23:59:59Z'))).toBe('token-desk-integrations-2026-12-03.csv')
    expect(exportFilename('json', new Date('2027-01-05T00:00:00Z'))).toBe('token-desk-integrations-2027-01-05.json')
  })
})

describe('hideSecrets', () => {
  it('hides fdt_ tokens and long token-like runs, and keeps ordinary words', () => {
    expect(hideSecrets('leaked fdt_abcDEF123_-x in chat')).toBe('leaked [hidden] in chat')
    expect(hideSecrets(`session ${'A1b2'.repeat(10)} end`)).toBe('session [hidden] end')
    expect(hideSecrets('Signed in as api@demo.test (ends in x9Qz)')).toBe('Signed in as api@demo.test (ends in x9Qz)')
  })
})

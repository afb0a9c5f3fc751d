import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { AppFailure, type ExportFile, type Integration } from '@shared/contract'
import type { ImportRecord, ImportRowError } from './integrations-register'

export type TransferFormat = 'csv' | 'json'

/**
 * The columns of an export, in order. `instance` is the instance's name, for people reading the sheet and for
 * importing on a machine where the instance has another id. Metadata only: there is no place for a token.
 */
export const integrationColumns = [
  'id',
  'name',
  'system',
  'owner',
  'contact',
  'environment',
  'instanceId',
  'instance',
  'notes',
  'status',
  'updatedAt',
] as const
type Column = (typeof integrationColumns)[number]
const requiredColumns: Column[] = ['name', 'environment', 'instanceId']
/** Empty cells in these columns mean "not given" (a fresh id, the default status, now). */
const optionalWhenEmpty = new Set<Column>(['id', 'status', 'updatedAt', 'instance'])

export const jsonFormatName = 'token-desk-integrations'
const jsonVersion = 1

/**
 * A spreadsheet runs a cell that starts with = + - @ (or tab / CR, which some strip first) as a formula. Such
 * cells get a leading apostrophe. Cells that already start with apostrophes before such a character get one
 * more, so `unescapeCell` (drop one apostrophe from exactly those) restores every value exactly.
 */
const needsEscape = /^'*[=+\-@\t\r]/
const escaped = /^'+[=+\-@\t\r]/
export const escapeCell = (value: string): string => (needsEscape.test(value) ? `'${value}` : value)
export const unescapeCell = (value: string): string => (escaped.test(value) ? value.slice(1) : value)

export function exportFilename(format: TransferFormat, date: Date): string {
  return `token-desk-integrations-${date.toISOString().slice(0, 10)}.${format}`
}

/** The file for the renderer to save: CSV (UTF-8 with BOM, CRLF, formula-escaped) or versioned JSON. */
export function exportIntegrations(
  items: Integration[],
  format: TransferFormat,
  options: { now: Date; instanceName: (instanceId: string) => string | undefined },
): ExportFile {
  const rows = items.map((item) => toRow(item, options.instanceName(item.instanceId) ?? ''))
  const filename = exportFilename(format, options.now)
  if (format === 'json') {
    const text = JSON.stringify(
      {
        format: jsonFormatName,
        version: jsonVersion,
        exportedAt: options.now.toISOString(),
        integrations: rows,
      },
      null,
      2,
    )
    return { filename, mimeType: 'application/json', text: `${text}\n` }
  }
  const text = stringify(
    rows.map((row) => integrationColumns.map((column) => escapeCell(row[column]))),
    { bom: true, header: true, columns: [...integrationColumns], record_delimiter: 'windows' },
  )
  return { filename, mimeType: 'text/csv', text }
}

/** Parse a file into records for `IntegrationsRegister.importRecords`; a file that cannot be read at all fails with its row. */
export function parseIntegrationsFile(format: TransferFormat, text: string): ImportRecord[] {
  return format === 'json' ? parseJson(text) : parseCsv(text)
}

function toRow(item: Integration, instance: string): Record<Column, string> {
  const { id, name, system, owner, contact, environment, instanceId, notes, status, updatedAt } = item
  return { id, name, system, owner, contact, environment, instanceId, instance, notes, status, updatedAt }
}

function parseCsv(text: string): ImportRecord[] {
  let table: string[][]
  try {
    table = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true })
  } catch (error) {
    const info = error as { records?: number; message?: string }
    // `records` counts the header, so it is the 1-based data row that failed.
    throw importFailure([
      {
        row: info.records ?? 0,
        field: '(row)',
        message: `Not readable as CSV: ${info.message ?? 'unknown error'}`,
      },
    ])
  }
  const [header, ...body] = table
  const columns = checkHeader(header ?? [])
  const errors: ImportRowError[] = []
  const records = body.map((cells, index): ImportRecord => {
    const row = index + 1
    if (cells.length !== columns.length) {
      errors.push({
        row,
        field: '(row)',
        message: `Has ${cells.length} cells; the header has ${columns.length}`,
      })
    }
    const values: Record<string, unknown> = {}
    columns.forEach((column, at) => {
      const value = unescapeCell(cells[at] ?? '')
      if (!(value === '' && optionalWhenEmpty.has(column))) values[column] = value
    })
    return { row, values }
  })
  if (errors.length > 0) throw importFailure(errors)
  return records
}

/** Row 0 stands for the header line. */
function checkHeader(header: string[]): Column[] {
  const known = new Set<string>(integrationColumns)
  const errors: ImportRowError[] = []
  header.forEach((name, at) => {
    if (!known.has(name))
      errors.push({ row: 0, field: name || `(column ${at + 1})`, message: 'Unknown column in the header' })
    else if (header.indexOf(name) !== at)
      errors.push({ row: 0, field: name, message: 'Column appears twice in the header' })
  })
  for (const column of requiredColumns) {
    if (!header.includes(column))
      errors.push({ row: 0, field: column, message: 'Required column is missing from the header' })
  }
  if (errors.length > 0) throw importFailure(errors)
  return header as Column[]
}

function parseJson(text: string): ImportRecord[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw importFailure([{ row: 0, field: '(file)', message: 'Not valid JSON' }])
  }
  const file = data as { format?: unknown; version?: unknown; integrations?: unknown }
  if (
    typeof data !== 'object' ||
    data === null ||
    file.format !== jsonFormatName ||
    !Array.isArray(file.integrations)
  ) {
    throw importFailure([
      {
        row: 0,
        field: '(file)',
        message: `Not a Token Desk integrations export ("format": "${jsonFormatName}")`,
      },
    ])
  }
  if (file.version !== jsonVersion) {
    throw importFailure([
      {
        row: 0,
        field: 'version',
        message: `Version ${String(file.version)} is not supported (expected ${jsonVersion})`,
      },
    ])
  }
  return file.integrations.map((values: unknown, index) => {
    const record =
      typeof values === 'object' && values !== null && !Array.isArray(values)
        ? (values as Record<string, unknown>)
        : { '(row)': values }
    const present = Object.entries(record).filter(
      ([key, value]) => !(value === '' && optionalWhenEmpty.has(key as Column)),
    )
    return { row: index + 1, values: Object.fromEntries(present) }
  })
}

function importFailure(rows: ImportRowError[]): AppFailure {
  const where = rows.every((error) => error.row === 0)
    ? 'the file itself'
    : `row ${rows.find((error) => error.row > 0)?.row}`
  return new AppFailure(
    'invalid_request',
    `Nothing was imported: the file has a problem (${where}: ${rows[0]?.message}).`,
    { rows },
  )
}

import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import {
  AppFailure,
  integrationInputSchema,
  integrationPatchSchema,
  integrationSchema,
  type Integration,
  type IntegrationInput,
  type IntegrationPatch,
} from '@shared/contract'
import type { InstanceDirectory, IntegrationDirectory } from '../core-context'
import type { CoreEvents, EventBus } from './event-bus'
import { openFileStore, type FileStore } from './file-store'
import { holdsToken } from './secret-guard'

type IntegrationsChange = CoreEvents['integrations-changed']['change']

const registerFileSchema = z.object({ version: z.literal(1), integrations: z.array(integrationSchema) })
type RegisterFile = z.infer<typeof registerFileSchema>

/** One candidate record from an import file; `row` is its 1-based data row (header not counted). */
export type ImportRecord = { row: number; values: Record<string, unknown> }
export type ImportRowError = { row: number; field: string; message: string }

/**
 * An imported record: every integration field, where `id`, `status` and `updatedAt` may be missing (a new
 * entry then gets a fresh id, `current` and now). `instance` (an instance's name, as exports write it) is
 * used only when `instanceId` names no instance here — e.g. a file exported on another machine.
 */
const importRecordSchema = integrationInputSchema.extend({
  id: z.string().trim().min(1).max(100).optional(),
  status: integrationSchema.shape.status.optional(),
  updatedAt: integrationSchema.shape.updatedAt.optional(),
  instance: z.string().max(200).optional(),
})

/** Token changes after which every integration of the instance still holds a token that no longer works. */
const tokenReplacingChanges = new Set<CoreEvents['token-changed']['change']>([
  'regenerated',
  'replaced-elsewhere',
  'removed',
  'revoked',
])
const tokenRemovingChanges = new Set<CoreEvents['token-changed']['change']>(['removed', 'revoked'])

export type IntegrationsRegisterOptions = {
  /** Folder for `integrations.json` (the data folder). */
  dir: string
  instances: InstanceDirectory
  bus: EventBus
  now?: () => Date
  newId?: () => string
  onRecovered?: (info: { path: string; movedTo: string; reason: string }) => void
}

/**
 * The register of which systems depend on which instance's token. Stored in a file-store file (0600, atomic,
 * corruption moved aside). `updatedAt` is when the user last added, edited or marked the integration
 * updated; a token change flips `status` to `needs-update` but leaves `updatedAt`, so it still tells when the
 * integration was last brought up to date.
 */
export class IntegrationsRegister implements IntegrationDirectory {
  private readonly store: FileStore<RegisterFile>
  private readonly byId = new Map<string, Integration>()
  /**
   * The hint of each instance's known token ('' when its hint is unknown), so a paste can tell "replaced
   * the token" from "a first token" or "stored the same token again" (e.g. the service's, after it was
   * regenerated elsewhere — that event already flagged the integrations).
   */
  private readonly knownTokens = new Map<string, string>()
  private readonly now: () => Date
  private readonly newId: () => string

  constructor(private readonly options: IntegrationsRegisterOptions) {
    this.now = options.now ?? (() => new Date())
    this.newId = options.newId ?? randomUUID
    this.store = openFileStore({
      dir: options.dir,
      name: 'integrations',
      schema: registerFileSchema,
      defaults: { version: 1, integrations: [] },
      onRecovered: options.onRecovered,
      now: options.now,
    })
    for (const integration of this.store.read().integrations) this.byId.set(integration.id, integration)
  }

  get path(): string {
    return this.store.path
  }

  list(filter: { instanceId?: string; status?: Integration['status'] } = {}): Integration[] {
    const matches = [...this.byId.values()].filter(
      (item) =>
        (!filter.instanceId || item.instanceId === filter.instanceId) &&
        (!filter.status || item.status === filter.status),
    )
    return matches.sort(byName)
  }

  get(id: string): Integration {
    const found = this.byId.get(id)
    if (!found)
      throw new AppFailure('not_found', 'That integration no longer exists. It may have been removed.')
    return found
  }

  namesFor(instanceId: string): string[] {
    return this.list({ instanceId }).map((item) => item.name)
  }

  /** `storedTokens`: the tokens Token Desk keeps, so a pasted one is refused in any format (see tokenFields). */
  add(input: IntegrationInput, storedTokens: readonly string[] = []): Integration {
    const values = parseOrFail(integrationInputSchema, input)
    refuseTokens(values, storedTokens)
    this.requireInstance(values.instanceId)
    this.requireUniqueName(values.name, values.instanceId, null)
    const integration: Integration = {
      ...values,
      id: this.newId(),
      status: 'current',
      updatedAt: this.now().toISOString(),
    }
    this.save([integration])
    this.emit(integration.instanceId, 'added', integration.name)
    return integration
  }

  update(id: string, patch: IntegrationPatch, storedTokens: readonly string[] = []): Integration {
    const current = this.get(id)
    const changes = parseOrFail(integrationPatchSchema, patch)
    refuseTokens(changes, storedTokens)
    const next: Integration = { ...current, ...definedOnly(changes), updatedAt: this.now().toISOString() }
    if (next.instanceId !== current.instanceId) this.requireInstance(next.instanceId)
    this.requireUniqueName(next.name, next.instanceId, id)
    this.save([next])
    this.emit(next.instanceId, 'updated', next.name)
    return next
  }

  remove(id: string): void {
    const current = this.get(id)
    this.byId.delete(id)
    this.persist()
    this.emit(current.instanceId, 'removed', current.name)
  }

  /** The integration now uses the instance's current token. */
  markUpdated(id: string): Integration {
    const next: Integration = { ...this.get(id), status: 'current', updatedAt: this.now().toISOString() }
    this.save([next])
    this.emit(next.instanceId, 'marked-updated', next.name)
    return next
  }

  /** Every integration of the instance must be given the new token. Returns how many changed status. */
  markInstanceNeedsUpdate(instanceId: string): number {
    const flipped = this.list({ instanceId, status: 'current' }).map((item): Integration => ({
      ...item,
      status: 'needs-update',
    }))
    if (flipped.length === 0) return 0
    this.save(flipped)
    this.emitCount(instanceId, 'needs-update', flipped.length)
    return flipped.length
  }

  /** The instance is gone: its integrations would point at nothing, so they go too. Returns how many. */
  removeInstance(instanceId: string): number {
    const doomed = this.list({ instanceId })
    if (doomed.length === 0) return 0
    for (const item of doomed) this.byId.delete(item.id)
    this.persist()
    this.emitCount(instanceId, 'removed', doomed.length)
    return doomed.length
  }

  /**
   * All or nothing: records whose id exists here update that entry (keeping its id); records with an
   * unknown id are added with that id (so export → import into an empty register keeps ids); records
   * without one are added with a fresh id. A missing status keeps the entry's (new ones: current); a missing
   * updatedAt becomes now. Any invalid row → AppFailure('invalid_request') with every error
   * by row and field, and nothing changes.
   */
  importRecords(records: ImportRecord[], storedTokens: readonly string[] = []): number {
    if (records.length === 0) return 0
    const errors: ImportRowError[] = []
    const staged = new Map(this.byId)
    const seenIds = new Map<string, number>()
    for (const { row, values } of records) {
      const parsed = importRecordSchema.safeParse(values)
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          errors.push({ row, field: fieldOf(issue), message: issue.message })
        continue
      }
      const { instance, ...record } = parsed.data
      const withTokens = tokenFields(record, storedTokens)
      if (withTokens.length > 0) {
        errors.push(...withTokens.map((field) => ({ row, field, message: TOKEN_IN_FIELD })))
        continue
      }
      const instanceId = this.resolveInstance(record.instanceId, instance)
      if (!instanceId) {
        errors.push({
          row,
          field: 'instanceId',
          message: `No instance "${record.instanceId}" here${instance ? ` (nor one named "${instance}")` : ''}`,
        })
        continue
      }
      const id = record.id ?? this.newId()
      if (seenIds.has(id)) {
        errors.push({ row, field: 'id', message: `The same id is also on row ${seenIds.get(id)}` })
        continue
      }
      seenIds.set(id, row)
      const existing = this.byId.get(id)
      const status = record.status ?? existing?.status ?? 'current'
      staged.set(id, {
        ...record,
        id,
        instanceId,
        status,
        updatedAt: record.updatedAt ?? this.now().toISOString(),
      })
    }
    errors.push(...duplicateNameErrors(staged, seenIds))
    if (errors.length > 0) {
      errors.sort((a, b) => a.row - b.row)
      const rows = [...new Set(errors.map((error) => error.row))]
      const message = `Nothing was imported: ${errors.length} problem${errors.length === 1 ? '' : 's'} on row${rows.length === 1 ? '' : 's'} ${summarizeRows(rows)}.`
      throw new AppFailure('invalid_request', message, { rows: errors.slice(0, 500) })
    }
    this.byId.clear()
    for (const [id, item] of staged) this.byId.set(id, item)
    this.persist()
    this.emitCount(null, 'imported', records.length)
    return records.length
  }

  /** The tokens instances hold now (from the token manager's cache), before token events arrive. */
  rememberTokens(tokens: Iterable<{ instanceId: string; hint: string | null }>): void {
    for (const { instanceId, hint } of tokens) this.knownTokens.set(instanceId, hint ?? '')
  }

  /** React to core events; returns the unsubscribe. */
  listen(): () => void {
    const { bus } = this.options
    const stops = [
      bus.on('token-changed', (event) => this.onTokenChanged(event)),
      bus.on('instance-changed', (event) => {
        if (event.change === 'removed') this.removeInstance(event.instanceId)
      }),
    ]
    return () => stops.forEach((stop) => stop())
  }

  private onTokenChanged({ instanceId, change, hint }: CoreEvents['token-changed']): void {
    const previous = this.knownTokens.get(instanceId)
    if (tokenRemovingChanges.has(change)) this.knownTokens.delete(instanceId)
    else this.knownTokens.set(instanceId, hint ?? '')
    const pastedOverAnother =
      change === 'pasted' && previous !== undefined && (previous === '' || previous !== hint)
    if (tokenReplacingChanges.has(change) || pastedOverAnother) this.markInstanceNeedsUpdate(instanceId)
  }

  private resolveInstance(instanceId: string, instanceName: string | undefined): string | null {
    if (this.options.instances.get(instanceId)) return instanceId
    if (!instanceName) return null
    const named = this.options.instances.list().filter((instance) => sameName(instance.name, instanceName))
    return named.length === 1 && named[0] ? named[0].id : null
  }

  private requireInstance(instanceId: string): void {
    if (!this.options.instances.get(instanceId)) {
      throw new AppFailure(
        'not_found',
        'That instance does not exist (any more). Choose another instance for this integration.',
        {
          field: 'instanceId',
        },
      )
    }
  }

  private requireUniqueName(name: string, instanceId: string, exceptId: string | null): void {
    const clash = [...this.byId.values()].find(
      (item) => item.id !== exceptId && item.instanceId === instanceId && sameName(item.name, name),
    )
    if (clash) {
      throw new AppFailure(
        'invalid_request',
        `This instance already has an integration named “${clash.name}”. Use another name.`,
        {
          field: 'name',
        },
      )
    }
  }

  private save(items: Integration[]): void {
    for (const item of items) this.byId.set(item.id, item)
    this.persist()
  }

  private persist(): void {
    this.store.write({ version: 1, integrations: [...this.byId.values()] })
  }

  private emit(instanceId: string, change: IntegrationsChange, name: string): void {
    this.options.bus.emit('integrations-changed', { instanceId, change, name })
  }

  /** A change to several integrations at once: no single name, a count instead. */
  private emitCount(instanceId: string | null, change: IntegrationsChange, count: number): void {
    this.options.bus.emit('integrations-changed', { instanceId, change, name: null, count })
  }
}

/** Fields people type freely: the ones a token could be pasted into. */
const freeTextFields = ['name', 'system', 'owner', 'contact', 'notes'] as const
type FreeText = Partial<Record<(typeof freeTextFields)[number], string>>
const TOKEN_IN_FIELD = 'holds an API token: leave it out (the register is a plain file and goes into exports; the keychain keeps the token)'

/** The free-text fields of `values` that hold a token (secret-guard.ts says what counts). */
function tokenFields(values: FreeText, storedTokens: readonly string[]): string[] {
  return freeTextFields.filter((field) => {
    const text = values[field]
    return text !== undefined && holdsToken(text, storedTokens)
  })
}

function refuseTokens(values: FreeText, storedTokens: readonly string[]): void {
  const fields = tokenFields(values, storedTokens)
  if (fields.length === 0) return
  throw new AppFailure('invalid_request', `Leave the API token out of ${fields.join(', ')}: the register is a plain file and goes into exports, and the keychain already keeps the token.`, {
    errors: fields.map((field) => ({ field, message: TOKEN_IN_FIELD })),
  })
}

/** Made on first use: setting up ICU costs a start without integrations milliseconds for nothing. */
let collator: Intl.Collator | undefined
const byName = (a: Integration, b: Integration) =>
  (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a.name, b.name) || a.id.localeCompare(b.id)
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()
const fieldOf = (issue: z.core.$ZodIssue) =>
  issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.map(String).join('.') || '(row)'

function parseOrFail<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const errors = parsed.error.issues.map((issue) => ({ field: fieldOf(issue), message: issue.message }))
  throw new AppFailure(
    'invalid_request',
    `Check ${errors.map((error) => error.field).join(', ')}: ${errors[0]?.message ?? 'invalid'}`,
    { errors },
  )
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>
}

/** Names must stay unique per instance after the import; blame the imported row(s), not existing entries. */
function duplicateNameErrors(
  staged: Map<string, Integration>,
  importedRows: Map<string, number>,
): ImportRowError[] {
  const firstByKey = new Map<string, Integration>()
  const errors: ImportRowError[] = []
  for (const item of staged.values()) {
    const key = `${item.instanceId}\u0000${item.name.trim().toLowerCase()}`
    const first = firstByKey.get(key)
    if (!first) {
      firstByKey.set(key, item)
      continue
    }
    const row = importedRows.get(item.id) ?? importedRows.get(first.id)
    const otherRow = importedRows.get(first.id)
    const where = otherRow !== undefined && otherRow !== row ? `row ${otherRow}` : 'the register'
    if (row !== undefined)
      errors.push({
        row,
        field: 'name',
        message: `“${item.name}” is already used for this instance (${where})`,
      })
  }
  return errors
}

function summarizeRows(rows: number[]): string {
  return rows.length <= 5 ? rows.join(', ') : `${rows.slice(0, 5).join(', ')} and ${rows.length - 5} more`
}

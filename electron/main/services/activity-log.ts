import { randomUUID } from 'node:crypto'
import {
  appendFileSync,
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { activityEntrySchema, type ActivityEntry, type ActivityType } from '@shared/contract'
import type { EventBus } from './event-bus'

export type ActivityInput = {
  type: ActivityType
  instanceId: string | null
  summary: string
  details?: ActivityEntry['details']
}

export type ActivityFilter = { instanceId?: string; type?: ActivityType; limit?: number }

export type ActivityLogOptions = {
  /** Folder for `activity.jsonl` (the data folder). */
  dir: string
  bus: EventBus
  now?: () => Date
  newId?: () => string
  /** Entries kept; past this the file is rewritten with the newest ones. */
  maxEntries?: number
  /** Lines that could not be read on open (e.g. a line cut short by a crash) — they are dropped. */
  onSkipped?: (count: number) => void
}

/** Looks like a credential: an `fdt_` token, or a long unbroken run of token characters (a session token, a JWT part). */
const secretLike = /\bfdt_[A-Za-z0-9_\-.~+/=]*|[A-Za-z0-9_\-~+/=]{32,}/g
export const hideSecrets = (text: string): string => text.replace(secretLike, '[hidden]')

/**
 * The local, append-only activity log: one JSON line per entry in `activity.jsonl` (mode 0600). Bounded:
 * memory holds the newest `maxEntries`; the file may grow a tenth past that before it is rewritten
 * (atomically) with the newest `maxEntries`, so appends stay cheap. Every text is passed through
 * `hideSecrets` as a last line of defence; callers build summaries from names, hints and counts.
 */
export class ActivityLog {
  readonly path: string
  private entries: ActivityEntry[] = []
  private linesInFile = 0
  private readonly maxEntries: number
  private readonly now: () => Date
  private readonly newId: () => string

  constructor(private readonly options: ActivityLogOptions) {
    this.maxEntries = options.maxEntries ?? 10_000
    this.now = options.now ?? (() => new Date())
    this.newId = options.newId ?? randomUUID
    mkdirSync(options.dir, { recursive: true, mode: 0o700 })
    this.path = join(options.dir, 'activity.jsonl')
    this.load()
  }

  append(input: ActivityInput): ActivityEntry {
    const entry = activityEntrySchema.parse({
      id: this.newId(),
      at: this.now().toISOString(),
      type: input.type,
      instanceId: input.instanceId,
      summary: hideSecrets(input.summary),
      ...(input.details ? { details: cleanDetails(input.details) } : {}),
    })
    appendFileSync(this.path, `${JSON.stringify(entry)}\n`, { mode: 0o600 })
    this.linesInFile += 1
    this.entries.push(entry)
    if (this.entries.length > this.maxEntries) this.entries.splice(0, this.entries.length - this.maxEntries)
    if (this.linesInFile > this.maxEntries + Math.ceil(this.maxEntries / 10)) this.rewrite()
    const { id, at, type, instanceId, summary } = entry
    this.options.bus.emit('activity-appended', { id, at, type, instanceId, summary })
    return entry
  }

  /** Newest first. */
  list(filter: ActivityFilter = {}): ActivityEntry[] {
    const limit = filter.limit ?? this.maxEntries
    const result: ActivityEntry[] = []
    for (let at = this.entries.length - 1; at >= 0 && result.length < limit; at -= 1) {
      const entry = this.entries[at] as ActivityEntry
      if (
        (filter.instanceId === undefined || entry.instanceId === filter.instanceId) &&
        (filter.type === undefined || entry.type === filter.type)
      ) {
        result.push(entry)
      }
    }
    return result
  }

  private load(): void {
    if (!existsSync(this.path)) return
    chmodSync(this.path, 0o600)
    const lines = readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
    let skipped = 0
    for (const line of lines) {
      const entry = parseLine(line)
      if (entry) this.entries.push(entry)
      else skipped += 1
    }
    this.linesInFile = lines.length
    if (this.entries.length > this.maxEntries) this.entries.splice(0, this.entries.length - this.maxEntries)
    if (skipped > 0) {
      this.options.onSkipped?.(skipped)
      this.rewrite()
    }
  }

  private rewrite(): void {
    const temporary = `${this.path}.${process.pid}.tmp`
    writeFileSync(temporary, this.entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), {
      mode: 0o600,
    })
    renameSync(temporary, this.path)
    this.linesInFile = this.entries.length
  }
}

function parseLine(line: string): ActivityEntry | null {
  try {
    const parsed = activityEntrySchema.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function cleanDetails(details: NonNullable<ActivityEntry['details']>): NonNullable<ActivityEntry['details']> {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => [
      key,
      typeof value === 'string' ? hideSecrets(value) : value,
    ]),
  )
}

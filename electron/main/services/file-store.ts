import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Conf from 'conf'
import type { z } from 'zod'

export type FileStore<T> = {
  readonly path: string
  read(): T
  write(value: T): void
}

export type FileStoreOptions<S extends z.ZodType> = {
  /** Folder that holds the file (created 0700 if missing). */
  dir: string
  /** File name without extension. */
  name: string
  schema: S
  defaults: z.output<S>
  /** Called when an unreadable file was moved aside; the defaults were loaded instead. */
  onRecovered?: (info: { path: string; movedTo: string; reason: string }) => void
  now?: () => Date
}

/**
 * A JSON file behind `conf` (the store electron-store is built on): atomic writes, file mode 0600, a zod
 * schema on every read and write. A file that is not JSON or does not match the schema is moved aside as
 * `<name>.corrupt-<time>.json` — never silently overwritten — and the defaults are loaded.
 */
export function openFileStore<S extends z.ZodType>(options: FileStoreOptions<S>): FileStore<z.output<S>> {
  type T = z.output<S>
  mkdirSync(options.dir, { recursive: true, mode: 0o700 })
  const path = join(options.dir, `${options.name}.json`)
  const problem = unreadableReason(path, options.schema)
  if (problem) {
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    const movedTo = join(options.dir, `${options.name}.corrupt-${stamp}.json`)
    renameSync(path, movedTo)
    options.onRecovered?.({ path, movedTo, reason: problem })
  }
  const conf = new Conf<Record<string, unknown>>({
    cwd: options.dir,
    configName: options.name,
    configFileMode: 0o600,
    projectName: 'token-desk',
  })
  let cached: T | undefined
  return {
    path,
    read() {
      if (cached === undefined) {
        const parsed = options.schema.safeParse(existsSync(path) ? conf.store : options.defaults)
        cached = parsed.success ? parsed.data : options.defaults
      }
      return cached as T
    },
    write(value) {
      const parsed = options.schema.parse(value) as T
      conf.store = parsed as Record<string, unknown>
      cached = parsed
    },
  }
}

function unreadableReason(path: string, schema: z.ZodType): string | null {
  if (!existsSync(path)) return null
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return 'not valid JSON'
  }
  const parsed = schema.safeParse(data)
  return parsed.success ? null : 'does not match the expected format'
}

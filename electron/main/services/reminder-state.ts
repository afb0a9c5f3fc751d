import { z } from 'zod'
import { openFileStore, type FileStore } from './file-store'
import { keyInstanceId } from './reminder-plan'

const stateSchema = z.object({
  /** Fired reminder key → when it fired (ISO). Keys hold instance id, token creation time, hint and offset only. */
  fired: z.record(z.string(), z.string()),
  /** Instance id → calendar SEQUENCE, raised whenever that instance's token changes. */
  sequences: z.record(z.string(), z.number().int().nonnegative()),
})
type StateData = z.infer<typeof stateSchema>

/** What the reminders remember across restarts: which reminders fired, and each instance's calendar sequence. */
export interface ReminderState {
  isFired(key: string): boolean
  /** Records keys as fired (one atomic write). */
  markFired(keys: readonly string[]): void
  sequence(instanceId: string): number
  bumpSequence(instanceId: string): number
  /**
   * Drops fired keys that no current token can produce: an instance's keys are kept only while they belong to
   * `keep(instanceId)`'s prefix (undefined = keep as is, null = the instance is gone).
   */
  prune(keep: (instanceId: string) => string | null | undefined): void
  readonly path: string
}

export function openReminderState(options: { dir: string; now: () => Date; onRecovered?: (info: { path: string; reason: string }) => void }): ReminderState {
  const store: FileStore<StateData> = openFileStore({
    dir: options.dir,
    name: 'reminders',
    schema: stateSchema,
    defaults: { fired: {}, sequences: {} },
    now: options.now,
    onRecovered: options.onRecovered,
  })
  const update = (change: (data: StateData) => StateData) => store.write(change(store.read()))
  return {
    path: store.path,
    isFired: (key) => Object.hasOwn(store.read().fired, key),
    markFired(keys) {
      if (keys.length === 0) return
      const at = options.now().toISOString()
      update((data) => ({ ...data, fired: { ...data.fired, ...Object.fromEntries(keys.map((key) => [key, at])) } }))
    },
    sequence: (instanceId) => store.read().sequences[instanceId] ?? 0,
    bumpSequence(instanceId) {
      const next = (store.read().sequences[instanceId] ?? 0) + 1
      update((data) => ({ ...data, sequences: { ...data.sequences, [instanceId]: next } }))
      return next
    },
    prune(keep) {
      const data = store.read()
      const decisions = new Map<string, string | null | undefined>()
      const decide = (instanceId: string) => {
        if (!decisions.has(instanceId)) decisions.set(instanceId, keep(instanceId))
        return decisions.get(instanceId)
      }
      const fired = Object.fromEntries(
        Object.entries(data.fired).filter(([key]) => {
          const prefix = decide(keyInstanceId(key))
          return prefix === undefined || (prefix !== null && key.startsWith(prefix))
        }),
      )
      const sequences = Object.fromEntries(Object.entries(data.sequences).filter(([instanceId]) => decide(instanceId) !== null))
      const changed =
        Object.keys(fired).length !== Object.keys(data.fired).length || Object.keys(sequences).length !== Object.keys(data.sequences).length
      if (changed) store.write({ fired, sequences })
    },
  }
}

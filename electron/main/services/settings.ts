import { AppFailure, defaultSettings, settingsSchema, type Settings } from '@shared/contract'
import type { EventBus } from './event-bus'
import { openFileStore } from './file-store'

export type SettingsService = {
  get(): Settings
  update(patch: Partial<Settings>): Settings
}

export type SettingsServiceOptions = {
  dir: string
  bus: EventBus
  now: () => Date
  /** The settings file was unreadable: it was kept aside and defaults loaded. */
  onRecovered(info: { movedTo: string; reason: string }): void
}

/** Settings in `settings.json` (0600, atomic, schema-checked). They never hold a secret. */
export function createSettingsService(options: SettingsServiceOptions): SettingsService {
  const store = openFileStore({
    dir: options.dir,
    name: 'settings',
    schema: settingsSchema,
    defaults: defaultSettings,
    now: options.now,
    onRecovered: options.onRecovered,
  })
  return {
    get: () => store.read(),
    update(patch) {
      const current = store.read()
      const parsed = settingsSchema.safeParse({ ...current, ...patch })
      if (!parsed.success) throw new AppFailure('invalid_request', parsed.error.issues[0]?.message ?? 'These settings are not valid.')
      const next = parsed.data
      const changed = (Object.keys(next) as (keyof Settings)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]))
      if (changed.length === 0) return current
      store.write(next)
      options.bus.emit('settings-changed', { settings: next, changed })
      return next
    },
  }
}

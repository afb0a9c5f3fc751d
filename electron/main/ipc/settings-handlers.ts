import type { SettingsService } from '../services/settings'
import type { HandlerMap } from './handler-table'

export function createSettingsHandlers(settings: SettingsService): HandlerMap<'settings:get' | 'settings:update'> {
  return {
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
  }
}

import { Notification } from 'electron'
import type { NotifierAdapter } from './types'

/**
 * Native notifications. Each one is referenced until it is clicked or closed: a notification that is garbage
 * collected loses its click handler on some platforms.
 */
export function createElectronNotifier(options: { icon?: string; onUnsupported?: (title: string) => void } = {}): NotifierAdapter {
  const alive = new Set<Notification>()
  return {
    show({ title, body, onClick }) {
      if (!Notification.isSupported()) {
        options.onUnsupported?.(title)
        return
      }
      const notification = new Notification({ title, body, icon: options.icon })
      alive.add(notification)
      const release = () => alive.delete(notification)
      notification.on('click', () => {
        release()
        onClick?.()
      })
      notification.on('close', release)
      notification.on('failed', release)
      notification.show()
      // Never keep more than a handful: the OS drops old ones from its centre anyway.
      if (alive.size > 20) alive.delete(alive.values().next().value as Notification)
    },
  }
}

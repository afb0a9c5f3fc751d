import type { NotifierAdapter } from './types'

export type ShownNotification = { title: string; body: string; at: Date; click(): void }

/**
 * Notifications for hosts without a native notification service (the browser preview, tests): each one is kept
 * (the latest 100) and handed to `onShow`, e.g. to forward it to the preview's page. `click()` does what clicking
 * the native one does.
 */
export function createNodeNotifier(options: { now?: () => Date; onShow?: (notification: ShownNotification) => void } = {}): NotifierAdapter & {
  readonly shown: readonly ShownNotification[]
} {
  const shown: ShownNotification[] = []
  return {
    shown,
    show({ title, body, onClick }) {
      const notification: ShownNotification = { title, body, at: options.now?.() ?? new Date(), click: () => onClick?.() }
      shown.push(notification)
      if (shown.length > 100) shown.shift()
      options.onShow?.(notification)
    },
  }
}

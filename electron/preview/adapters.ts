import { AppFailure } from '@shared/contract'
import type { Adapters } from '../main/adapters/types'
import type { Logger } from '../main/core-context'
import { nodeHttp } from '../main/adapters/node-http'
import { createNodeNotifier } from '../main/adapters/node-notifier'
import { createClockJumpPower } from '../main/adapters/node-power'
import type { PageLink } from './page-link'

/**
 * The OS as the browser preview offers it:
 * - http: Node's fetch.
 * - clipboard: the page's browser clipboard (navigator.clipboard), which is the user's system clipboard.
 * - notifier: each notification becomes an `app:notice` on every open page.
 * - shell: refused and logged — a loopback server does not open the user's browser; the refusal names the URL.
 * - power: wall-clock jumps (sleep, clock changes) seen from Node.
 * - loginItem: a no-op that reports "off": the preview is a development host and never starts at login.
 */
export function createPreviewAdapters(link: PageLink, log: Logger): Adapters & { stop(): void } {
  const power = createClockJumpPower()
  return {
    http: nodeHttp,
    clipboard: {
      async writeSecret(text) {
        try {
          await link.clipboard('write', text)
        } catch (error) {
          // Browsers let a page write the clipboard only while it has focus: say so instead of "internal error".
          throw new AppFailure(
            'unsupported',
            `The browser did not let Token Desk use the clipboard (${(error as Error).message}). Click in the Token Desk page and try again.`,
          )
        }
      },
      async readText() {
        return (await link.clipboard('read')) ?? ''
      },
      async clear() {
        await link.clipboard('clear')
      },
    },
    shell: {
      async openExternal(url) {
        log.info({ url }, 'preview: not opening an external link')
        throw new AppFailure(
          'unsupported',
          `The browser preview does not open links for you. Open ${url} in your browser.`,
        )
      },
    },
    notifier: createNodeNotifier({
      onShow: ({ title, body }) =>
        link.broadcast({
          type: 'event',
          event: 'app:notice',
          payload: { level: 'info', message: `${title}: ${body}` },
        }),
    }),
    power,
    loginItem: {
      async isEnabled() {
        return false
      },
      async setEnabled(enabled) {
        log.info({ enabled }, 'preview: start at login is managed by the desktop app only')
      },
    },
    stop: () => power.stop(),
  }
}

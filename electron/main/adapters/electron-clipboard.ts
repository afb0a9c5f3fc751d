import { clipboard } from 'electron'
import type { ClipboardAdapter } from './types'

/** The OS hints that ask clipboard managers and history to skip a secret, per platform. */
export const passwordHintFormats: Partial<Record<NodeJS.Platform, { format: string; value: string }>> = {
  linux: { format: 'x-kde-passwordManagerHint', value: 'secret' },
  win32: { format: 'ExcludeClipboardContentFromMonitorProcessing', value: '' },
}

type MultiFormatWrite = (items: Record<string, string>[]) => void

/**
 * Electron's clipboard. Electron 41's `clipboard.write` takes only text/html/rtf/image/bookmark and
 * `writeBuffer` replaces the whole clipboard, so text and a hint format cannot be written together there;
 * newer Electron (44+) writes several formats at once through `clipboard.write([items])`. The hint is added
 * when that API exists; otherwise the text alone is written (the auto-clear still applies).
 */
export const electronClipboard: ClipboardAdapter = {
  async writeSecret(text) {
    const hint = passwordHintFormats[process.platform]
    const major = Number(process.versions.electron?.split('.')[0] ?? 0)
    if (hint && major >= 44) {
      try {
        ;(clipboard.write as unknown as MultiFormatWrite)([{ 'text/plain': text, [hint.format]: hint.value }])
        if (clipboard.readText() === text) return
      } catch {
        // fall through to plain text
      }
    }
    clipboard.writeText(text)
  },
  async readText() {
    return clipboard.readText()
  },
  async clear() {
    clipboard.clear()
  },
}

import type { LoginItemAdapter } from '../adapters/types'
import type { Logger } from '../core-context'

// Desktop Entry spec, "The Exec key": arguments with these characters are double-quoted.
const needsQuotes = /[\s"'\\><~|&;$*?#()`]/

/** One Exec argument: quoted when it must be, with the quoting escapes plus the string-value escape of "\". */
export function quoteExecArgument(argument: string): string {
  const escaped = argument.replace(/%/g, '%%')
  if (escaped !== '' && !needsQuotes.test(escaped)) return escaped
  const quoted = `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`
  return quoted.replace(/\\/g, '\\\\')
}

/** The XDG autostart file (~/.config/autostart/<id>.desktop) that starts Token Desk at login on Linux. */
export function autostartDesktopEntry(options: { name: string; exec: readonly string[]; comment?: string; icon?: string }): string {
  const singleLine = (value: string) => value.replace(/[\r\n]+/g, ' ')
  const lines = [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${singleLine(options.name)}`,
    options.comment ? `Comment=${singleLine(options.comment)}` : null,
    `Exec=${options.exec.map(quoteExecArgument).join(' ')}`,
    options.icon ? `Icon=${singleLine(options.icon)}` : null,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
  ]
  return lines.filter((line) => line !== null).join('\n') + '\n'
}

/** Makes the OS login item match the "Start Token Desk at login" setting; failures are logged, never thrown. */
export async function applyStartAtLogin(adapter: LoginItemAdapter, enabled: boolean, log?: Pick<Logger, 'warn'>): Promise<boolean> {
  try {
    if ((await adapter.isEnabled()) !== enabled) await adapter.setEnabled(enabled)
    return true
  } catch (error) {
    log?.warn({ err: error instanceof Error ? error.message : String(error), enabled }, 'start at login could not be changed')
    return false
  }
}

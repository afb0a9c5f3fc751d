import { describe, expect, it } from 'vitest'
import { autostartDesktopEntry, quoteExecArgument } from '../../../electron/main/services/login-item'

describe('XDG autostart entry', () => {
  it('quotes Exec arguments as the Desktop Entry spec asks', () => {
    expect(quoteExecArgument('/opt/Token Desk/token-desk')).toBe('"/opt/Token Desk/token-desk"')
    expect(quoteExecArgument('/usr/bin/token-desk')).toBe('/usr/bin/token-desk')
    expect(quoteExecArgument('100%')).toBe('100%%')
    // "$" and '"' are escaped once for the quoting, and every backslash twice for the string value.
    expect(quoteExecArgument('a"b$c')).toBe('"a\\\\"b\\\\$c"')
    expect(quoteExecArgument('')).toBe('""')
  })

  it('writes a complete entry', () => {
    expect(autostartDesktopEntry({ name: 'Token Desk', exec: ['/home/me/Apps/Token Desk.AppImage', '--hidden'], icon: 'token-desk' })).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Name=Token Desk',
        'Exec="/home/me/Apps/Token Desk.AppImage" --hidden',
        'Icon=token-desk',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    )
  })
})

import { shell } from 'electron'
import type { ShellAdapter } from './types'

/** Callers pass only allow-listed https URLs (services/external-links.ts). */
export const electronShell: ShellAdapter = {
  openExternal: (url) => shell.openExternal(url),
}

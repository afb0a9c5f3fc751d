/**
 * What the core needs from the operating system and the network. Electron implementations live in
 * adapters/electron-*.ts (wired only by electron/main/index.ts); Node ones in adapters/node-*.ts and the
 * browser preview's own. The core never imports electron.
 */

/** fetch-compatible: Electron's net.fetch in the app (system proxies, certificates), global fetch in Node. */
export type HttpFetch = (url: string, init?: RequestInit) => Promise<Response>

export interface ClipboardAdapter {
  /** Write a secret, with the OS's "do not keep in history" hints where it has them. */
  writeSecret(text: string): Promise<void>
  readText(): Promise<string>
  clear(): Promise<void>
}

export interface ShellAdapter {
  /** Open an already allow-listed https URL in the user's browser. */
  openExternal(url: string): Promise<void>
}

export interface NotifierAdapter {
  show(notification: { title: string; body: string; onClick?: () => void }): void
}

export interface PowerAdapter {
  /** The machine woke from sleep (or the clock may have jumped). */
  onResume(listener: () => void): () => void
}

export interface LoginItemAdapter {
  isEnabled(): Promise<boolean>
  setEnabled(enabled: boolean): Promise<void>
}

export type Adapters = {
  http: HttpFetch
  clipboard: ClipboardAdapter
  shell: ShellAdapter
  notifier: NotifierAdapter
  power: PowerAdapter
  loginItem: LoginItemAdapter
}

import { describe, expect, it } from 'vitest'
import type { ChannelResponse, Instance, Result } from '@shared/contract'
import { errorOf, filesUnder, removeDir, runChildCore, tempDir, value } from './helpers'

describe('without an OS keychain (no D-Bus session)', () => {
  it('starts, says why, and every secret operation fails with a clear keychain_unavailable — nothing in plain text', () => {
    const dataDir = tempDir()
    const env = { ...process.env }
    delete env.DBUS_SESSION_BUS_ADDRESS
    delete env.DISPLAY
    delete env.WAYLAND_DISPLAY
    try {
      const [info, list] = runChildCore({ dataDir, calls: [['app:info', {}], ['instances:list', {}]] }, env) as [
        Result<ChannelResponse<'app:info'>>,
        Result<Instance[]>,
      ]
      const notices = value(info).notices
      expect(notices.some((notice) => /keychain is not available/.test(notice.message))).toBe(true)
      const sandboxId = value(list)[0]!.id

      const results = runChildCore(
        {
          dataDir,
          calls: [
            ['session:get', { instanceId: sandboxId }],
            ['session:signInDemo', { instanceId: sandboxId, user: 'api' }],
            ['token:generate', { instanceId: sandboxId }],
            ['token:reveal', { instanceId: sandboxId }],
            ['token:paste', { instanceId: sandboxId, token: 'fdt_pasted-while-locked-0000', expiresAt: '2030-01-01T00:00:00Z' }],
          ],
        },
        env,
      )
      for (const result of results) {
        const failure = errorOf(result)
        expect(failure.code).toBe('keychain_unavailable')
        expect(failure.message).toMatch(/keychain is not available or is locked/)
        expect(failure.message).toMatch(/Nothing is stored in plain text/)
      }
      for (const file of filesUnder(dataDir)) expect(file.bytes.includes(Buffer.from('fdt_'))).toBe(false)
    } finally {
      removeDir(dataDir)
    }
  })
})

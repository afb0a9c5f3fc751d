import type { PowerAdapter } from './types'

/**
 * Resume detection from plain Node: a coarse interval notices when the wall clock moved much further than the
 * interval (the machine slept, or the clock was changed) and reports it like a wake-up. Electron's powerMonitor
 * does not see clock changes, so the app may use this next to it.
 */
export function createClockJumpPower(options: { intervalMs?: number; toleranceMs?: number; now?: () => number } = {}): PowerAdapter & { stop(): void } {
  const intervalMs = options.intervalMs ?? 60_000
  const toleranceMs = options.toleranceMs ?? 120_000
  const now = options.now ?? Date.now
  const listeners = new Set<() => void>()
  let last = now()
  let timer: ReturnType<typeof setInterval> | null = null
  const tick = () => {
    const current = now()
    const drift = Math.abs(current - last - intervalMs)
    last = current
    if (drift > toleranceMs) for (const listener of [...listeners]) listener()
  }
  const stop = () => {
    if (timer) clearInterval(timer)
    timer = null
  }
  return {
    onResume(listener) {
      listeners.add(listener)
      if (!timer) {
        last = now()
        timer = setInterval(tick, intervalMs)
        timer.unref?.()
      }
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) stop()
      }
    },
    stop,
  }
}

import { powerMonitor } from 'electron'
import { createClockJumpPower } from './node-power'
import type { PowerAdapter } from './types'

/**
 * Wake-ups from Electron's powerMonitor ('resume', and 'unlock-screen', which some Linux desktops send instead)
 * plus wall-clock jumps, which powerMonitor does not report. Subscribe only after `app` is ready.
 */
export function createElectronPower(): PowerAdapter {
  const clock = createClockJumpPower()
  return {
    onResume(listener) {
      powerMonitor.on('resume', listener)
      powerMonitor.on('unlock-screen', listener)
      const stopClock = clock.onResume(listener)
      return () => {
        powerMonitor.off('resume', listener)
        powerMonitor.off('unlock-screen', listener)
        stopClock()
      }
    },
  }
}

import { afterEach, beforeEach } from 'vitest'
import { startHarness, type Harness } from './harness'

/** Each test gets a started store over a fresh real core: `t.h` the harness, `t.id` the active (sandbox) instance. */
export function useStartedHarness(): { h: Harness; id: string } {
  const started = {} as { h: Harness; id: string }
  beforeEach(async () => {
    started.h = await startHarness()
    await started.h.state().ui.start()
    started.id = started.h.state().instances.activeId!
  })
  afterEach(async () => {
    await started.h.close()
  })
  return started
}

import { describe, expect, it } from 'vitest'
import { events } from '@shared/contract'
import { eventually } from './harness'
import { useStartedHarness } from './started-harness'

/** Every view a notification may ask for (the contract's `app:navigate` event). */
const contractViews = events['app:navigate'].shape.view.options

describe('app:navigate from main (a clicked notification) over the real core', () => {
  const t = useStartedHarness()

  it('opens every view the contract names, on the instance the event is about', async () => {
    const tenant = await t.h.state().instances.add({
      name: 'Acme FD',
      kind: 'first-due',
      baseUrl: 'https://acme.firstdue.example/fd-api/v1',
      environment: 'production',
    })
    expect(tenant).not.toBeNull()
    expect(contractViews).toContain('admin') // the view this event used to drop
    // Alternate instances, so each event has to switch both the view and the instance.
    const targets = [t.id, tenant!.id]
    for (const [index, view] of contractViews.entries()) {
      const instanceId = targets[index % 2]!
      t.h.core.bus.emit('navigate', { instanceId, view })
      await eventually(
        () => t.h.state().ui.view === view && t.h.state().instances.activeId === instanceId,
      ).catch(() =>
        expect.fail(
          `navigate to ${view} on ${instanceId}: the store shows ${t.h.state().ui.view} on ${t.h.state().instances.activeId}`,
        ),
      )
    }
  })
})

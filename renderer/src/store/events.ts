import type { TokenDeskApi, Unsubscribe } from '@shared/contract'
import type { StoreApi } from 'zustand/vanilla'
import type { AppState } from './types'

/**
 * Keeps the store in step with what main pushes: each event re-reads what it invalidates (through the
 * slices' actions) or takes the payload as it is. Returns one function that unsubscribes everything.
 */
export function connectEvents(store: StoreApi<AppState>, api: TokenDeskApi): Unsubscribe {
  const state = () => store.getState()
  const isActive = (instanceId: string) => state().instances.activeId === instanceId
  const subscriptions = [
    api.events.onTokenChanged(({ instanceId }) => {
      if (isActive(instanceId) || state().token.byInstance[instanceId]) void state().token.load(instanceId)
    }),
    api.events.onSessionChanged(({ instanceId }) => {
      if (isActive(instanceId) || state().session.byInstance[instanceId])
        void state().session.load(instanceId)
    }),
    api.events.onInstancesChanged(() => void state().instances.load()),
    api.events.onIntegrationsChanged(() => void state().integrations.load()),
    api.events.onActivityAppended((entry) => state().activity.append(entry)),
    api.events.onSettingsChanged((settings) => state().settings.receive(settings)),
    api.events.onAppNotice((notice) => state().ui.notify(notice)),
    api.events.onAppNavigate(({ instanceId, view }) => {
      // Instance first, so the view opens on (and loads for) the instance the notification is about.
      if (!isActive(instanceId)) void state().instances.select(instanceId)
      state().ui.navigate(view)
    }),
  ]
  return () => subscriptions.forEach((unsubscribe) => unsubscribe())
}

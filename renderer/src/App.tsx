import { useEffect } from 'react'
import { useApp } from './app-store'
import { ErrorMessage } from './components/ErrorMessage'
import { Notices } from './components/Notices'
import { Loading } from './components/States'
import { selectTheme } from './store/settings'
import { views, type View } from './store/ui'
import { ActivityView } from './views/ActivityView'
import { DialogHost } from './views/DialogHost'
import { InstanceList } from './views/InstanceList'
import { IntegrationsView } from './views/IntegrationsView'
import { SettingsView } from './views/SettingsView'
import { TokenView } from './views/TokenView'
import { AdminView } from './views/AdminView'
import { VerificationDialogs } from './views/VerificationDialogs'
import { selectCanAdminister } from './store/admin'

const screens: Record<View, () => React.JSX.Element> = {
  token: TokenView,
  integrations: IntegrationsView,
  activity: ActivityView,
  settings: SettingsView,
  admin: AdminView,
}

export function App() {
  const ready = useApp((state) => state.ui.ready)
  const fatal = useApp((state) => state.ui.fatal)
  const view = useApp((state) => state.ui.view)
  const navigate = useApp((state) => state.ui.navigate)
  const theme = useApp(selectTheme)
  const host = useApp((state) => state.ui.app?.host)
  const canAdminister = useApp(selectCanAdminister)

  // 'system' leaves the choice to prefers-color-scheme; light/dark force it.
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme
    else document.documentElement.dataset.theme = theme
  }, [theme])

  const Screen = screens[view]
  return (
    <div className="app">
      <aside className="sidebar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ⬢
          </span>
          Token Desk
          {host === 'preview' && <span className="badge">Preview</span>}
        </div>
        <InstanceList />
      </aside>
      <div className="content">
        <nav className="tabs" aria-label="Views">
          {views
            .filter((item) => item.id !== 'admin' || canAdminister)
            .map((item) => (
              <button
                key={item.id}
                type="button"
                aria-current={view === item.id ? 'page' : undefined}
                onClick={() => navigate(item.id)}
              >
                {item.label}
              </button>
            ))}
        </nav>
        <main>
          {fatal ? <ErrorMessage error={fatal} /> : ready ? <Screen /> : <Loading what="Token Desk" />}
        </main>
      </div>
      <Notices />
      <DialogHost />
      <VerificationDialogs />
    </div>
  )
}

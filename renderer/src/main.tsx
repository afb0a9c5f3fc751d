import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { StoreContext } from './app-store'
import { saveFile } from './lib/save-file'
import { connectEvents, createAppStore } from './store'
import './styles/app.css'

async function start() {
  // The preview's key arrives in the URL once; the server has set it as a cookie. Keep it out of history.
  if (new URLSearchParams(location.search).has('key')) history.replaceState(null, '', location.pathname)
  // In Electron the preload has set window.tokenDesk; in the browser preview the bridge installs it. It is
  // loaded on demand so the desktop app's initial bundle does not carry it.
  let refresh = () => {}
  if (!window.tokenDesk) {
    const { createPreviewApi } = await import('./bridge/preview-bridge')
    window.tokenDesk = createPreviewApi({ onReconnect: () => refresh() })
  }
  const api = window.tokenDesk
  const store = createAppStore({
    api,
    now: () => Date.now(),
    saveFile,
    copyText: (text) => navigator.clipboard.writeText(text),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
  })
  connectEvents(store, api)
  refresh = () => void store.getState().ui.refresh()
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </StrictMode>,
  )
  await store.getState().ui.start()
}

void start()

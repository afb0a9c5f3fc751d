import { useRef } from 'react'
import { useApp } from '../app-store'
import { Icon } from '../components/Icon'

/** Filter, Add integration, Export CSV / JSON, Import. */
export function IntegrationsToolbar() {
  const filter = useApp((state) => state.integrations.filter)
  const setFilter = useApp((state) => state.integrations.setFilter)
  const exportFile = useApp((state) => state.integrations.exportFile)
  const importText = useApp((state) => state.integrations.importText)
  const openDialog = useApp((state) => state.ui.openDialog)
  const hasInstances = useApp((state) => state.instances.list.length > 0)
  const fileInput = useRef<HTMLInputElement>(null)
  return (
    <div className="toolbar">
      <input
        type="search"
        className="filter"
        aria-label="Filter integrations"
        placeholder="Filter integrations"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <button
        type="button"
        className="primary"
        disabled={!hasInstances}
        onClick={() => openDialog({ kind: 'add-integration' })}
      >
        <Icon name="plus" /> Add integration
      </button>
      <button type="button" onClick={() => void exportFile('csv')}>
        <Icon name="download" /> Export CSV
      </button>
      <button type="button" onClick={() => void exportFile('json')}>
        <Icon name="download" /> Export JSON
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        <Icon name="upload" /> Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,.json,text/csv,application/json"
        hidden
        aria-label="Import file"
        onChange={async (event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (file)
            await importText(file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv', await file.text())
        }}
      />
    </div>
  )
}

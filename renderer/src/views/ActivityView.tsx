import { useMemo } from 'react'
import type { ActivityType } from '@shared/contract'
import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { EmptyState, Loading } from '../components/States'
import { formatDateTime } from '../lib/format'
import { selectVisibleActivity } from '../store/activity'

/** The event log, newest first, filterable by type and text. */
export function ActivityView() {
  const entries = useApp((state) => state.activity.entries)
  const visible = useApp(selectVisibleActivity)
  const status = useApp((state) => state.activity.status)
  const error = useApp((state) => state.activity.error)
  const filter = useApp((state) => state.activity.filter)
  const setFilter = useApp((state) => state.activity.setFilter)
  const instances = useApp((state) => state.instances.list)
  const names = useMemo(() => new Map(instances.map((instance) => [instance.id, instance.name])), [instances])
  const types = useMemo(() => [...new Set(entries.map((entry) => entry.type))].sort(), [entries])
  return (
    <section className="stack" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      <div className="toolbar">
        <input
          type="search"
          className="filter"
          aria-label="Filter activity"
          placeholder="Filter activity"
          value={filter.text}
          onChange={(e) => setFilter({ text: e.target.value })}
        />
        <select
          aria-label="Event type"
          value={filter.type}
          onChange={(e) => setFilter({ type: e.target.value as ActivityType | '' })}
        >
          <option value="">All events</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        <select
          aria-label="Instance"
          value={filter.instanceId}
          onChange={(e) => setFilter({ instanceId: e.target.value })}
        >
          <option value="">All instances</option>
          {instances.map((instance) => (
            <option key={instance.id} value={instance.id}>
              {instance.name}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      {status === 'loading' || status === 'idle' ? (
        <Loading what="activity" />
      ) : visible.length === 0 ? (
        <EmptyState
          title={entries.length === 0 ? 'Nothing has happened yet' : 'Nothing matches the filter'}
        />
      ) : (
        <ol className="activity" aria-label="Activity log">
          {visible.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              <span className="badge">{entry.type}</span>
              <span>{entry.summary}</span>
              {entry.instanceId && <span className="muted">{names.get(entry.instanceId) ?? ''}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

import { memo, useMemo, useRef } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Integration } from '@shared/contract'
import { useApp } from '../app-store'
import type { AppState } from '../store'
import { EnvironmentBadge } from '../components/EnvironmentBadge'
import { IconButton } from '../components/IconButton'

/** Rows have a fixed height (notes are cut to one line), so the virtualizer needs no measuring. */
const ROW_HEIGHT = 44

type RowProps = {
  item: Integration
  instanceName: string
  openDialog: AppState['ui']['openDialog']
  markUpdated: AppState['integrations']['markUpdated']
}

/** One row; actions come from the table (stable store functions), so a row holds no store subscription. */
const IntegrationRow = memo(function IntegrationRow({
  item,
  instanceName,
  openDialog,
  markUpdated,
}: RowProps) {
  return (
    <tr aria-label={item.name}>
      {/* Cells are cut to one line (fixed row height); the title shows the whole text on hover. */}
      <td className="strong" title={item.name}>
        {item.name}
      </td>
      <td title={item.system || undefined}>{item.system}</td>
      <td title={[item.owner, item.contact].filter(Boolean).join(' · ') || undefined}>{item.owner}</td>
      <td>
        <EnvironmentBadge environment={item.environment} />
      </td>
      <td title={instanceName}>{instanceName}</td>
      <td>
        {item.status === 'needs-update' ? (
          <span className="badge status-expiring">Needs update</span>
        ) : (
          <span className="badge status-active">Current</span>
        )}
      </td>
      <td className="notes" title={item.notes || undefined}>
        {item.notes}
      </td>
      <td className="row-actions">
        {item.status === 'needs-update' && (
          <IconButton
            label="Mark updated"
            icon="check"
            tone="primary"
            onClick={() => void markUpdated(item.id)}
          />
        )}
        <IconButton
          label={`Edit ${item.name}`}
          icon="pencil"
          onClick={() => openDialog({ kind: 'edit-integration', integrationId: item.id })}
        />
        <IconButton
          label={`Delete ${item.name}`}
          icon="trash"
          tone="danger"
          onClick={() => openDialog({ kind: 'remove-integration', integrationId: item.id })}
        />
      </td>
    </tr>
  )
})

/** The register's table, virtualised: thousands of rows cost only what is on screen. */
export function IntegrationsTable({ rows }: { rows: Integration[] }) {
  const instances = useApp((state) => state.instances.list)
  const openDialog = useApp((state) => state.ui.openDialog)
  const markUpdated = useApp((state) => state.integrations.markUpdated)
  const names = useMemo(() => new Map(instances.map((instance) => [instance.id, instance.name])), [instances])
  const scroller = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  })
  const items = virtualizer.getVirtualItems()
  const padTop = items[0]?.start ?? 0
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)
  return (
    <div className="table-scroll" ref={scroller} tabIndex={0} role="region" aria-label="Integrations table">
      <table className="table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">System</th>
            <th scope="col">Owner</th>
            <th scope="col">Environment</th>
            <th scope="col">Token</th>
            <th scope="col">Status</th>
            <th scope="col">Notes</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && <tr className="spacer" aria-hidden="true" style={{ height: padTop }} />}
          {items.map((virtual) => {
            const item = rows[virtual.index]
            return item ? (
              <IntegrationRow
                // Keyed by position: when the filter changes, rows update in place instead of remounting.
                key={virtual.index}
                item={item}
                instanceName={names.get(item.instanceId) ?? '—'}
                openDialog={openDialog}
                markUpdated={markUpdated}
              />
            ) : null
          })}
          {padBottom > 0 && <tr className="spacer" aria-hidden="true" style={{ height: padBottom }} />}
        </tbody>
      </table>
    </div>
  )
}

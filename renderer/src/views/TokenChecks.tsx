import { useEffect } from 'react'
import type { Instance, TokenView } from '@shared/contract'
import { useApp } from '../app-store'
import { CompromiseChecklist } from './CompromiseChecklist'
import { PermissionReview } from './PermissionReview'
import { TestToken } from './TestToken'
import '../styles/verification.css'

/** The token card's checks: Test token, the permission review, and the compromise response. */
export function TokenChecks({ instance, view }: { instance: Instance; view: TokenView }) {
  const reviewOpen = useApp((state) => state.verification.reviewOpen[instance.id] ?? false)
  const toggleReview = useApp((state) => state.verification.toggleReview)
  const openCompromise = useApp((state) => state.admin.openCompromise)
  const loadEndpoints = useApp((state) => state.verification.loadEndpoints)
  // Which endpoints the role may call depends on who is signed in: re-read the catalog when that changes.
  const who = useApp((state) => state.session.byInstance[instance.id]?.user?.id ?? null)
  useEffect(() => {
    void loadEndpoints(instance.id)
  }, [instance.id, who, loadEndpoints])
  const noToken = view.status === 'none'
  // Before a token exists the review answers "will it work for what I need?"; afterwards it is on demand.
  const showReview = noToken ? !reviewOpen : reviewOpen
  return (
    <div className="token-checks stack">
      {view.stored && <TestToken instanceId={instance.id} />}
      <div className="row">
        <button
          type="button"
          className="link"
          aria-expanded={showReview}
          onClick={() => toggleReview(instance.id)}
        >
          {showReview ? 'Hide permission review' : 'Review permissions'}
        </button>
        {!noToken && (
          <button type="button" className="report-compromise" onClick={() => openCompromise(instance.id)}>
            Report compromise
          </button>
        )}
      </div>
      {showReview && <PermissionReview instanceId={instance.id} />}
      <CompromiseChecklist instanceId={instance.id} />
    </div>
  )
}

import { useApp } from '../app-store'

/** Notices from main (app:notice) and from the app itself; polite, dismissible. */
export function Notices() {
  const notices = useApp((state) => state.ui.notices)
  const dismiss = useApp((state) => state.ui.dismissNotice)
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice level-${notice.level}`}>
          <p>{notice.message}</p>
          <button type="button" className="link" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}

import { useState } from 'react'
import type { Settings } from '@shared/contract'
import { useApp } from '../app-store'
import { ErrorMessage } from '../components/ErrorMessage'
import { Loading } from '../components/States'
import { formatReminderDays, parseReminderDays } from '../store/settings'
import { FieldErrors } from './FieldErrors'

const themes: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

function SettingsForm({ settings }: { settings: Settings }) {
  const [days, setDays] = useState(formatReminderDays(settings.reminderDays))
  const [seconds, setSeconds] = useState(String(settings.clipboardClearSeconds))
  const [saved, setSaved] = useState(false)
  const [daysInvalid, setDaysInvalid] = useState(false)
  const update = useApp((state) => state.settings.update)
  const error = useApp((state) => state.settings.updateError)
  const apply = async (patch: Partial<Settings>) => {
    setSaved(false)
    setSaved(await update(patch))
  }
  return (
    <form
      className="card stack settings"
      onSubmit={(event) => {
        event.preventDefault()
        const reminderDays = parseReminderDays(days)
        setDaysInvalid(reminderDays === null)
        if (reminderDays) void apply({ reminderDays, clipboardClearSeconds: Number(seconds) })
      }}
    >
      <label className="field">
        <span>Reminder days before expiry</span>
        <input
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-describedby="days-help"
          inputMode="numeric"
        />
        <small id="days-help" className="muted">
          Whole days from 1 to 365, separated by commas. Default: 90, 30, 7. A reminder also fires at expiry.
        </small>
      </label>
      {daysInvalid && (
        <p className="message error" role="alert">
          Reminder days must be whole numbers separated by commas, e.g. 90, 30, 7.
        </p>
      )}
      <label className="field">
        <span>Clear the clipboard after (seconds)</span>
        <input type="number" min={5} max={600} value={seconds} onChange={(e) => setSeconds(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          Save settings
        </button>
        {saved && (
          <span role="status" className="muted">
            Settings saved.
          </span>
        )}
      </div>
      <FieldErrors error={error} />
      <fieldset className="field">
        <legend>Theme</legend>
        <div className="row">
          {themes.map((theme) => (
            <label key={theme.value} className="choice">
              <input
                type="radio"
                name="theme"
                value={theme.value}
                checked={settings.theme === theme.value}
                onChange={() => void apply({ theme: theme.value })}
              />
              {theme.label}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          checked={settings.startAtLogin}
          onChange={(e) => void apply({ startAtLogin: e.target.checked })}
        />
        Start Token Desk at login (so reminders fire even when you have not opened it)
      </label>
    </form>
  )
}

export function SettingsView() {
  const settings = useApp((state) => state.settings.value)
  const status = useApp((state) => state.settings.status)
  const error = useApp((state) => state.settings.error)
  return (
    <section className="stack" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {settings ? (
        <SettingsForm settings={settings} />
      ) : status === 'error' ? (
        <ErrorMessage error={error} />
      ) : (
        <Loading what="settings" />
      )}
    </section>
  )
}

import type { AppError } from '@shared/contract'
import { describeError } from '../store/errors'
import { Icon } from './Icon'

/** An error in plain words: what happened and what to do. */
export function ErrorMessage({ error, action }: { error: AppError | null; action?: React.ReactNode }) {
  if (!error) return null
  return (
    <div className="message error" role="alert">
      <Icon name="warning" />
      <p>{describeError(error)}</p>
      {action}
    </div>
  )
}

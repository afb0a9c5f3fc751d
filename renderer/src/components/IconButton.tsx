import type { ButtonHTMLAttributes } from 'react'
import { Icon, type IconName } from './Icon'

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'children'> & {
  /** The accessible name and the tooltip: the same words, always. */
  label: string
  icon: IconName
  tone?: 'default' | 'danger' | 'primary'
}

/** A square icon button whose tooltip (on hover and on keyboard focus) repeats its accessible name. */
export function IconButton({ label, icon, tone = 'default', className, ...rest }: Props) {
  return (
    <button
      type="button"
      {...rest}
      aria-label={label}
      className={`icon-button tone-${tone} ${className ?? ''}`}
    >
      <Icon name={icon} />
      <span className="tooltip" role="tooltip" aria-hidden="true">
        {label}
      </span>
    </button>
  )
}

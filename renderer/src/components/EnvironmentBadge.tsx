import type { Environment } from '@shared/contract'

const words: Record<Environment, string> = {
  production: 'Production',
  development: 'Development',
  training: 'Training',
}

export function EnvironmentBadge({ environment }: { environment: Environment }) {
  return <span className={`badge env-${environment}`}>{words[environment]}</span>
}

import type { CoreModule } from '../core-context'
import { adminModule } from './admin'
import { integrationsModule } from './integrations'
import { remindersModule } from './reminders'
import { verificationModule } from './verification'

/** Feature modules composed by core.ts, in order (a later module may use what an earlier one registered). */
export const coreModules: CoreModule[] = [integrationsModule, remindersModule, verificationModule, adminModule]

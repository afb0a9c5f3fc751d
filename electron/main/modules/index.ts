import type { CoreModule } from '../core-context'
import { remindersModule } from './reminders'

/** Feature modules composed by core.ts, in order (a later module may use what an earlier one registered). */
export const coreModules: CoreModule[] = [remindersModule]

import type { CoreModule } from '../core-context'

/** Feature modules composed by core.ts, in order (a later module may use what an earlier one registered). */
export const coreModules: CoreModule[] = []

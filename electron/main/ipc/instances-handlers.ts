import type { InstancesService } from '../services/instances'
import type { HandlerMap } from './handler-table'

export function createInstancesHandlers(instances: InstancesService): HandlerMap<'instances:list' | 'instances:add' | 'instances:update' | 'instances:remove'> {
  return {
    'instances:list': () => instances.list(),
    'instances:add': (input) => instances.add(input),
    'instances:update': ({ id, ...patch }) => instances.update(id, patch),
    'instances:remove': async ({ id }) => {
      await instances.remove(id)
      return { removed: true as const }
    },
  }
}

import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { AppFailure, instanceInputSchema, type Instance, type InstanceInput } from '@shared/contract'
import type { EventBus } from './event-bus'
import { openFileStore } from './file-store'

const storedInstanceSchema = instanceInputSchema.extend({ id: z.string().min(1).max(100) })
type StoredInstance = z.infer<typeof storedInstanceSchema>
const instancesFileSchema = z.object({
  /** False until the first run set things up (created the local sandbox). */
  initialized: z.boolean(),
  sandboxId: z.string().nullable(),
  instances: z.array(storedInstanceSchema),
})
type InstancesFile = z.infer<typeof instancesFileSchema>

export type InstancesService = {
  /** True when the data folder had no instance list yet (first run) — the core then creates the sandbox. */
  readonly firstRun: boolean
  readonly sandboxId: string | null
  list(): Instance[]
  get(id: string): Instance | undefined
  /** Throws `not_found` for an unknown id. */
  require(id: string): Instance
  add(input: InstanceInput, options?: { sandbox?: boolean }): Instance
  update(id: string, patch: Partial<InstanceInput>): Instance
  remove(id: string): Promise<void>
  /** The sandbox listens on a new port every run: its base URL is the live service's, never a stored one. */
  setSandboxBaseUrl(baseUrl: string): void
}

export type InstancesServiceOptions = {
  dir: string
  bus: EventBus
  now: () => Date
  onRecovered(info: { movedTo: string; reason: string }): void
  /** Deletes everything kept for an instance (keychain entries, cached metadata); runs before it is dropped. */
  forget(instanceId: string): Promise<void>
}

/** The saved instances (`instances.json`): token services and First Due tenants the user works with. */
export function createInstancesService(options: InstancesServiceOptions): InstancesService {
  const store = openFileStore({
    dir: options.dir,
    name: 'instances',
    schema: instancesFileSchema,
    defaults: { initialized: false, sandboxId: null, instances: [] },
    now: options.now,
    onRecovered: options.onRecovered,
  })
  const firstRun = !store.read().initialized
  let sandboxBaseUrl: string | null = null

  const view = (stored: StoredInstance, file: InstancesFile): Instance => {
    const isSandbox = stored.id === file.sandboxId
    return { ...stored, baseUrl: isSandbox && sandboxBaseUrl ? sandboxBaseUrl : stored.baseUrl, isSandbox }
  }
  const write = (change: (file: InstancesFile) => InstancesFile) => store.write(change(store.read()))
  const get = (id: string) => {
    const file = store.read()
    const found = file.instances.find((instance) => instance.id === id)
    return found ? view(found, file) : undefined
  }
  const require = (id: string) => {
    const instance = get(id)
    if (!instance) throw new AppFailure('not_found', 'That instance no longer exists.')
    return instance
  }

  return {
    firstRun,
    get sandboxId() {
      return store.read().sandboxId
    },
    list: () => {
      const file = store.read()
      return file.instances.map((instance) => view(instance, file))
    },
    get,
    require,
    add(input, addOptions = {}) {
      const stored: StoredInstance = { ...instanceInputSchema.parse(input), id: randomUUID() }
      write((file) => ({
        initialized: true,
        sandboxId: addOptions.sandbox ? stored.id : file.sandboxId,
        instances: [...file.instances, stored],
      }))
      options.bus.emit('instance-changed', { instanceId: stored.id, change: 'added', name: stored.name })
      return require(stored.id)
    },
    update(id, patch) {
      const current = require(id)
      if (current.isSandbox && ((patch.baseUrl && patch.baseUrl !== current.baseUrl) || (patch.kind && patch.kind !== current.kind))) {
        throw new AppFailure('invalid_request', 'The local sandbox runs inside Token Desk: its address and kind cannot be changed.')
      }
      const { isSandbox: _isSandbox, ...rest } = current
      const next = storedInstanceSchema.parse({ ...rest, ...patch, baseUrl: current.isSandbox ? rest.baseUrl : (patch.baseUrl ?? rest.baseUrl) })
      write((file) => ({ ...file, instances: file.instances.map((instance) => (instance.id === id ? next : instance)) }))
      options.bus.emit('instance-changed', { instanceId: id, change: 'updated', name: next.name })
      return require(id)
    },
    async remove(id) {
      const current = require(id)
      await options.forget(id)
      write((file) => ({
        ...file,
        sandboxId: file.sandboxId === id ? null : file.sandboxId,
        instances: file.instances.filter((instance) => instance.id !== id),
      }))
      options.bus.emit('instance-changed', { instanceId: id, change: 'removed', name: current.name })
    },
    setSandboxBaseUrl(baseUrl) {
      sandboxBaseUrl = baseUrl
    },
  }
}

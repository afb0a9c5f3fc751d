import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppFailure, type Instance, type IntegrationInput } from '@shared/contract'
import type { InstanceDirectory } from '../../../electron/main/core-context'
import { EventBus, type CoreEvents } from '../../../electron/main/services/event-bus'
import {
  IntegrationsRegister,
  type ImportRecord,
} from '../../../electron/main/services/integrations-register'

/** A fake user token shaped like the service's: it must never show up in any file these tests produce. */
export const fakeToken = `fdt_${randomBytes(32).toString('base64url')}`

/** A temporary data folder, removed by `cleanup`. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'token-desk-integrations-'))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The instance directory the core keeps, in memory: what the register looks instances up in. */
export class InstanceList implements InstanceDirectory {
  private readonly items = new Map<string, Instance>()

  add(id: string, name: string): Instance {
    const instance: Instance = {
      id,
      name,
      kind: 'token-service',
      baseUrl: 'http://127.0.0.1:4780/fd-api/v1',
      environment: 'development',
      isSandbox: true,
    }
    this.items.set(id, instance)
    return instance
  }

  remove(id: string): void {
    this.items.delete(id)
  }

  list(): Instance[] {
    return [...this.items.values()]
  }

  get(id: string): Instance | undefined {
    return this.items.get(id)
  }
}

/** Every event of one kind emitted on the bus, in order. */
export function collect<E extends keyof CoreEvents>(bus: EventBus, event: E): CoreEvents[E][] {
  const seen: CoreEvents[E][] = []
  bus.on(event, (payload) => seen.push(payload))
  return seen
}

/** A clock that moves only when told to. */
export function manualClock(start = '2026-12-03T10:00:00.000Z') {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    advance(ms: number) {
      current = new Date(current.getTime() + ms)
    },
  }
}

export function integration(
  instanceId: string,
  name: string,
  extra: Partial<IntegrationInput> = {},
): IntegrationInput {
  return {
    name,
    instanceId,
    environment: 'production',
    system: 'CAD',
    owner: 'IT',
    contact: 'it@agency.test',
    notes: '',
    ...extra,
  }
}

/** A temp folder, a bus that rethrows listener errors, two instances "North" (inst-a) and "South" (inst-b), a manual clock. */
export function coreParts() {
  const { dir, cleanup } = tempDir()
  const bus = new EventBus((error) => {
    throw error
  })
  const instances = new InstanceList()
  instances.add('inst-a', 'North')
  instances.add('inst-b', 'South')
  return { dir, cleanup, bus, instances, clock: manualClock() }
}

/** The AppFailure `run` throws (any other outcome fails the test). */
export function failureOf(run: () => unknown): AppFailure {
  try {
    run()
  } catch (error) {
    if (error instanceof AppFailure) return error
    throw error
  }
  throw new Error('expected an AppFailure')
}

/** A register over `coreParts`; `open(folder)` opens another register on the same instances, bus and clock. */
export function registerFixture() {
  const { dir, cleanup, bus, instances, clock } = coreParts()
  const open = (folder = dir) => new IntegrationsRegister({ dir: folder, instances, bus, now: clock.now })
  return { dir, cleanup, bus, instances, clock, register: open(), open }
}

/** `count` varied integrations spread over the given instances, as import records (the fast way to fill a register). */
export function manyRecords(count: number, instanceIds: string[]): ImportRecord[] {
  const environments = ['production', 'development', 'training'] as const
  return Array.from({ length: count }, (_, index) => ({
    row: index + 1,
    values: {
      name: `${index % 7 === 0 ? '=' : ''}Integration ${String(index).padStart(5, '0')}`,
      system: ['CAD', 'RMS', 'Payroll', 'GIS'][index % 4],
      owner: `Owner ${index % 50}`,
      contact: `owner${index % 50}@agency.test`,
      environment: environments[index % 3],
      instanceId: instanceIds[index % instanceIds.length],
      notes: index % 5 === 0 ? `Line one, "quoted"\nline two of ${index}` : '',
      status: index % 10 === 0 ? 'needs-update' : 'current',
      updatedAt: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
    },
  }))
}

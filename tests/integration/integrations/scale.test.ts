import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  exportIntegrations,
  parseIntegrationsFile,
} from '../../../electron/main/services/integrations-transfer'
import { manyRecords, registerFixture } from './fixtures'

let fixture: ReturnType<typeof registerFixture>
afterEach(() => fixture.cleanup())

describe('5,000 integrations', () => {
  it('load, filter and export correctly (timings are printed by bench/integrations.ts)', () => {
    fixture = registerFixture()
    expect(fixture.register.importRecords(manyRecords(5_000, ['inst-a', 'inst-b']))).toBe(5_000)

    const loaded = fixture.open()
    const all = loaded.list()
    expect(all).toHaveLength(5_000)
    expect(all[0]!.name).toBe('=Integration 00000')
    expect(new Set(all.map((item) => item.id)).size).toBe(5_000)
    expect(loaded.list({ instanceId: 'inst-a' })).toHaveLength(2_500)
    expect(loaded.list({ status: 'needs-update' })).toHaveLength(500)
    expect(loaded.list({ instanceId: 'inst-b', status: 'needs-update' })).toHaveLength(0)
    expect(loaded.namesFor('inst-b')).toHaveLength(2_500)

    for (const format of ['csv', 'json'] as const) {
      const file = exportIntegrations(all, format, {
        now: fixture.clock.now(),
        instanceName: (id) => fixture.instances.get(id)?.name,
      })
      const target = join(fixture.dir, `copy-${format}`)
      const copy = fixture.open(target)
      expect(copy.importRecords(parseIntegrationsFile(format, file.text))).toBe(5_000)
      expect(copy.list()).toEqual(all)
    }
  })
})

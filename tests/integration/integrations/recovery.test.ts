import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EventBus } from '../../../electron/main/services/event-bus'
import { IntegrationsRegister } from '../../../electron/main/services/integrations-register'
import { InstanceList, integration, tempDir } from './fixtures'

let cleanup = () => {}
afterEach(() => cleanup())

describe('a corrupted register file', () => {
  for (const [label, content] of [
    ['not JSON', '{"version":1,"integrations":[{"id":"a","name":"CAD'],
    [
      'the wrong shape',
      JSON.stringify({ version: 1, integrations: [{ id: 'a', name: 'CAD sync', status: 'broken' }] }),
    ],
  ] as const) {
    it(`(${label}) is moved aside byte for byte, reported, and an empty register takes its place`, () => {
      const temp = tempDir()
      cleanup = temp.cleanup
      writeFileSync(join(temp.dir, 'integrations.json'), content, { mode: 0o600 })
      const instances = new InstanceList()
      instances.add('inst-a', 'North')
      const recovered: { path: string; movedTo: string; reason: string }[] = []
      const register = new IntegrationsRegister({
        dir: temp.dir,
        instances,
        bus: new EventBus(),
        onRecovered: (info) => recovered.push(info),
      })

      expect(register.list()).toEqual([])
      expect(recovered).toHaveLength(1)
      expect(recovered[0]!.movedTo).toMatch(/integrations\.corrupt-.+\.json$/)
      expect(readFileSync(recovered[0]!.movedTo, 'utf8')).toBe(content)

      const added = register.add(integration('inst-a', 'CAD sync'))
      expect(new IntegrationsRegister({ dir: temp.dir, instances, bus: new EventBus() }).list()).toEqual([
        added,
      ])
      expect(readdirSync(temp.dir).filter((name) => name.includes('corrupt'))).toHaveLength(1)
    })
  }
})

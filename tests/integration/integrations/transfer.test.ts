import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { afterEach, describe, expect, it } from 'vitest'
import type { IntegrationsRegister } from '../../../electron/main/services/integrations-register'
import {
  exportIntegrations,
  parseIntegrationsFile,
  type TransferFormat,
} from '../../../electron/main/services/integrations-transfer'
import { collect, integration, registerFixture, failureOf } from './fixtures'

let fixture: ReturnType<typeof registerFixture>
afterEach(() => fixture.cleanup())

const exportFrom = (register: IntegrationsRegister, format: TransferFormat, instanceId?: string) =>
  exportIntegrations(register.list({ instanceId }), format, {
    now: fixture.clock.now(),
    instanceName: (id) => fixture.instances.get(id)?.name,
  })
const importInto = (register: IntegrationsRegister, format: TransferFormat, text: string) =>
  register.importRecords(parseIntegrationsFile(format, text))

/** Text that exercises the CSV writer: formulas, quotes, commas, new lines, non-ASCII. */
function fillTricky(register: IntegrationsRegister) {
  register.add(
    integration('inst-a', '=HYPERLINK("http://evil.test","click")', {
      system: '+SUM(1,2)',
      owner: '-Dana',
      contact: '@ops',
    }),
  )
  register.add(
    integration('inst-a', 'CAD “sync”, nightly', {
      notes: 'line one\r\nline two\n"quoted", comma',
      system: "'=already",
    }),
  )
  register.add(
    integration('inst-b', 'Ünïcode ✓', {
      environment: 'training',
      notes: '\t=tab inside is trimmed away at the start',
    }),
  )
  const flagged = register.add(integration('inst-b', 'Payroll'))
  fixture.bus.emit('token-changed', {
    instanceId: 'inst-b',
    change: 'regenerated',
    hint: 'x9Qz',
    expiresAt: null,
  })
  return flagged
}

describe('export → import round trip', () => {
  for (const format of ['csv', 'json'] as const) {
    it(`(${format}) keeps every field of every integration`, () => {
      fixture = registerFixture()
      const stop = fixture.register.listen()
      fillTricky(fixture.register)
      stop()
      const original = fixture.register.list()
      expect(original.some((item) => item.status === 'needs-update')).toBe(true)
      const file = exportFrom(fixture.register, format)
      expect(file.filename).toBe(`token-desk-integrations-2026-12-03.${format}`)
      expect(file.mimeType).toBe(format === 'csv' ? 'text/csv' : 'application/json')

      const target = join(fixture.dir, `copy-${format}`)
      const fresh = fixture.open(target)
      fixture.clock.advance(86_400_000)
      expect(importInto(fresh, format, file.text)).toBe(original.length)
      expect(fresh.list()).toEqual(original)
      expect(fixture.open(target).list()).toEqual(original)
    })
  }

  it('exports one instance only when asked, with the instance name for readers', () => {
    fixture = registerFixture()
    fixture.register.add(integration('inst-a', 'CAD sync'))
    fixture.register.add(integration('inst-b', 'Payroll'))
    const rows = parse(exportFrom(fixture.register, 'csv', 'inst-b').text, {
      bom: true,
      columns: true,
    }) as Record<string, string>[]
    expect(rows).toEqual([
      expect.objectContaining({ name: 'Payroll', instanceId: 'inst-b', instance: 'South' }),
    ])
    const json = JSON.parse(exportFrom(fixture.register, 'json').text)
    expect(json).toMatchObject({
      format: 'token-desk-integrations',
      version: 1,
      exportedAt: '2026-12-03T10:00:00.000Z',
    })
    expect(json.integrations).toHaveLength(2)
  })
})

describe('CSV formula injection', () => {
  it('escapes cells starting with = + - @ in the file and reads them back unchanged', () => {
    fixture = registerFixture()
    fillTricky(fixture.register)
    const text = exportFrom(fixture.register, 'csv').text
    const cells = (parse(text, { bom: true }) as string[][]).flat()
    const dangerous = cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))
    expect(dangerous).toEqual([])
    expect(cells).toEqual(
      expect.arrayContaining([
        '\'=HYPERLINK("http://evil.test","click")',
        "'+SUM(1,2)",
        "'-Dana",
        "'@ops",
        "''=already",
      ]),
    )

    const target = join(fixture.dir, 'copy')
    const fresh = fixture.open(target)
    importInto(fresh, 'csv', text)
    const names = fresh.list().map((item) => [item.name, item.system, item.owner, item.contact])
    expect(names).toContainEqual(['=HYPERLINK("http://evil.test","click")', '+SUM(1,2)', '-Dana', '@ops'])
    expect(fresh.list().find((item) => item.name.startsWith('CAD'))?.system).toBe("'=already")
  })
})

describe('import is all or nothing', () => {
  const header = 'name,system,environment,instanceId,notes'

  it('one bad row imports nothing and names the row and field', () => {
    fixture = registerFixture()
    const existing = fixture.register.add(integration('inst-a', 'Existing'))
    const changes = collect(fixture.bus, 'integrations-changed')
    const text = [
      header,
      'CAD sync,CAD,production,inst-a,',
      'Payroll,HR,staging,inst-a,',
      'Stations,GIS,training,inst-b,',
    ].join('\r\n')
    const error = failureOf(() => importInto(fixture.register, 'csv', text))
    expect(error.code).toBe('invalid_request')
    expect(error.message).toContain('row 2')
    expect(error.details?.rows).toEqual([{ row: 2, field: 'environment', message: expect.any(String) }])
    expect(fixture.register.list()).toEqual([existing])
    expect(fixture.open().list()).toEqual([existing])
    expect(changes).toEqual([])
  })

  it('lists every error by row and field', () => {
    fixture = registerFixture()
    fixture.register.add(integration('inst-a', 'Existing'))
    const text = [
      header,
      ',CAD,production,inst-a,', // 1: name missing
      'ok,CAD,production,nowhere,', // 2: unknown instance
      `long,CAD,production,inst-a,${'x'.repeat(2001)}`, // 3: notes too long
      'existing,CAD,production,inst-a,', // 4: clashes with the register
      'Twin,CAD,production,inst-b,', // 5
      'twin,CAD,production,inst-b,', // 6: clashes with row 5
      'fine,CAD,production,inst-b,',
    ].join('\n')
    const error = failureOf(() => importInto(fixture.register, 'csv', text))
    const rows = error.details?.rows as { row: number; field: string; message: string }[]
    expect(rows.map(({ row, field }) => [row, field])).toEqual([
      [1, 'name'],
      [2, 'instanceId'],
      [3, 'notes'],
      [4, 'name'],
      [6, 'name'],
    ])
    expect(rows[4]!.message).toContain('row 5')
    expect(rows[3]!.message).toContain('the register')
    expect(fixture.register.list()).toHaveLength(1)
  })

  it('reports unreadable CSV, unknown columns and bad JSON without importing', () => {
    fixture = registerFixture()
    const cases: [TransferFormat, string, { row: number; field: string }][] = [
      [
        'csv',
        `${header}\nok,CAD,production,inst-a,\n"broken,CAD,production,inst-a,\n`,
        { row: 2, field: '(row)' },
      ],
      ['csv', 'name,environment,instanceId,token\nx,production,inst-a,secret', { row: 0, field: 'token' }],
      ['csv', 'name,instanceId\nx,inst-a', { row: 0, field: 'environment' }],
      ['csv', `${header}\nok,CAD,production\n`, { row: 1, field: '(row)' }],
      [
        'json',
        '{"format":"token-desk-integrations","version":1,"integrations":[',
        { row: 0, field: '(file)' },
      ],
      [
        'json',
        '{"format":"token-desk-integrations","version":2,"integrations":[]}',
        { row: 0, field: 'version' },
      ],
      ['json', '[]', { row: 0, field: '(file)' }],
      [
        'json',
        JSON.stringify({
          format: 'token-desk-integrations',
          version: 1,
          integrations: [{ name: 'x', environment: 'production', instanceId: 'inst-a', token: 'fdt_x' }],
        }),
        { row: 1, field: 'token' },
      ],
    ]
    for (const [format, text, expected] of cases) {
      const error = failureOf(() => importInto(fixture.register, format, text))
      expect(error.code).toBe('invalid_request')
      expect(error.details?.rows).toContainEqual(expect.objectContaining(expected))
    }
    expect(fixture.register.list()).toEqual([])
  })
})

describe('import and ids', () => {
  it('updates the entry whose id matches, adds the others with new ids, and keeps a status left blank', () => {
    fixture = registerFixture()
    const stop = fixture.register.listen()
    const cad = fixture.register.add(integration('inst-a', 'CAD sync'))
    fixture.bus.emit('token-changed', {
      instanceId: 'inst-a',
      change: 'regenerated',
      hint: null,
      expiresAt: null,
    })
    stop()
    const changes = collect(fixture.bus, 'integrations-changed')
    fixture.clock.advance(1000)
    const text = [
      'id,name,system,environment,instanceId,status,updatedAt',
      `${cad.id},CAD sync v2,CAD,production,inst-a,,`,
      ',New one,GIS,training,inst-a,,',
    ].join('\n')
    expect(importInto(fixture.register, 'csv', text)).toBe(2)
    const list = fixture.register.list({ instanceId: 'inst-a' })
    expect(list).toHaveLength(2)
    expect(fixture.register.get(cad.id)).toMatchObject({
      name: 'CAD sync v2',
      status: 'needs-update',
      updatedAt: '2026-12-03T10:00:01.000Z',
    })
    expect(list.find((item) => item.name === 'New one')).toMatchObject({
      status: 'current',
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    expect(changes).toEqual([{ instanceId: null, change: 'imported', name: null, count: 2 }])
  })

  it('rejects the same id twice in one file', () => {
    fixture = registerFixture()
    const text = [
      'id,name,environment,instanceId',
      'same,A,production,inst-a',
      'same,B,production,inst-a',
    ].join('\n')
    const error = failureOf(() => importInto(fixture.register, 'csv', text))
    expect(error.details?.rows).toEqual([{ row: 2, field: 'id', message: 'The same id is also on row 1' }])
  })

  it('finds the instance by name when the file comes from a machine where it has another id', () => {
    fixture = registerFixture()
    const text = ['name,environment,instanceId,instance', 'CAD sync,production,their-id,south'].join('\n')
    importInto(fixture.register, 'csv', text)
    expect(fixture.register.list()).toEqual([
      expect.objectContaining({ name: 'CAD sync', instanceId: 'inst-b' }),
    ])
  })
})

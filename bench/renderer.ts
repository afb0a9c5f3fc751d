// `npm run bench:renderer`: (1) the built renderer's initial JS, gzip; (2) with 5,000 integrations in real
// Chromium, the time from a keystroke in `Filter integrations` to the repainted table. Prints figures.
// Goals (issue 5): initial JS ≤ 150 KB gzip; keystroke → repaint ≤ 50 ms.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import type { TokenDeskApi } from '@shared/contract'
import { startPreview } from '../electron/preview/child'

const root = resolve(import.meta.dirname, '..')
const ROWS = 5_000
const KEYSTROKES = 'integration 4321'

// The preview's core keeps its secrets in the OS keychain: run inside the private test keyring.
if (!process.env.TOKEN_DESK_TEST_KEYRING) {
  const result = spawnSync(
    process.execPath,
    [
      'scripts/with-keyring.mjs',
      process.execPath,
      join('node_modules', 'tsx', 'dist', 'cli.mjs'),
      'bench/renderer.ts',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  )
  process.exit(result.status ?? 1)
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

function initialJs() {
  const outDir = join(root, 'out', 'renderer')
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  // What index.html loads before anything runs: the entry module and its modulepreloads.
  const initial = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1]!)
  const size = (file: string) => {
    const bytes = readFileSync(join(outDir, file))
    return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
  }
  const entry = initial
    .map(size)
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 })
  const bridgeFile = readFileSync(join(outDir, initial[0]!), 'utf8').match(/preview-bridge-[\w-]+\.js/)?.[0]
  const bridge = bridgeFile ? size(join('assets', bridgeFile)) : { raw: 0, gzip: 0 }
  return { files: initial, entry, bridge }
}

async function keystrokeToRepaint() {
  const preview = await startPreview()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(preview.url)
    await page.getByRole('heading', { level: 2, name: 'API token' }).waitFor({ timeout: 60_000 })
    const seeded = await page.evaluate(async (rows) => {
      const api = (globalThis as unknown as { tokenDesk: TokenDeskApi }).tokenDesk
      const instances = await api.instances.list()
      if (!instances.ok) throw new Error(instances.error.message)
      const id = instances.value[0]!.id
      const lines = ['name,system,owner,environment,instanceId,notes']
      for (let i = 0; i < rows; i++)
        lines.push(`Integration ${i},System ${i % 40},Owner ${i % 97},production,${id},row ${i}`)
      const result = await api.integrations.import({ format: 'csv', text: lines.join('\n') })
      if (!result.ok) throw new Error(result.error.message)
      return result.value.imported
    }, ROWS)
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('button', { name: 'Integrations' })
      .click()
    await page.getByText(`Showing ${ROWS} of ${ROWS}`).waitFor({ timeout: 60_000 })

    // Keydown timestamp → the first task after the next frame (layout and paint done).
    // Keydown timestamp → the first task after the next frame (layout and paint done). A string: this
    // script runs in the page, and the bench is compiled without the DOM's types.
    await page.evaluate(`
      window.latencies = []
      document.addEventListener('keydown', (event) => {
        const started = event.timeStamp
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => window.latencies.push(performance.now() - started)
          channel.port2.postMessage(null)
        })
      }, true)
    `)
    const filter = page.getByLabel('Filter integrations')
    await filter.focus()
    const latencies: number[] = []
    const press = async (key: string) => {
      await page.keyboard.press(key)
      await page.waitForFunction(
        (n) => (globalThis as unknown as { latencies: number[] }).latencies.length >= n,
        latencies.length + 1,
      )
      latencies.push(Number(await page.evaluate('window.latencies.at(-1)')))
    }
    for (const character of KEYSTROKES) await press(character === ' ' ? 'Space' : character)
    const visible = await page.getByText(/^Showing \d+ of \d+$/).textContent()
    for (let i = 0; i < KEYSTROKES.length; i++) await press('Backspace')
    return { seeded, latencies, narrowed: visible }
  } finally {
    await browser.close()
    await preview.stop()
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const js = initialJs()
console.log('renderer bundle (out/renderer)')
console.log(
  `  initial JS, desktop app (${js.files.join(', ')}): ${kb(js.entry.raw)} raw, ${kb(js.entry.gzip)} gzip (goal ≤ 150 KB gzip)`,
)
console.log(
  `  + preview bridge chunk (browser preview only, loaded at start): ${kb(js.bridge.gzip)} gzip → ${kb(js.entry.gzip + js.bridge.gzip)} gzip in the preview`,
)

const typing = await keystrokeToRepaint()
const { latencies } = typing
if (process.env.BENCH_VERBOSE) console.log(latencies.map((v) => v.toFixed(0)).join(' '))
console.log(
  `filter with ${typing.seeded} integrations in Chromium (${latencies.length} keystrokes: typing "${KEYSTROKES}" then deleting it)`,
)
console.log(`  after typing: ${typing.narrowed}`)
console.log(
  `  keystroke → repainted table: median ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms (goal ≤ 50 ms)`,
)

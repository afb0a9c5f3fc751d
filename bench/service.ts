// `npm run bench:service`: how much the token service's authentication costs, measured against the two
// things it cannot beat — a bare node:http server and fastify itself — all answering the same JSON.
// Each server runs in its own child process; autocannon drives load from this process.
//   (a) bare node:http returning GET /fd-api/v1/stations's JSON
//   (b) fastify returning that JSON as a constant
//   (c) the real token service, GET /fd-api/v1/stations with a user token (cache, permission, last_used_at)
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify from 'fastify'
import { createTokenService } from '../service/app'

// autocannon ships no types; this is the part of its API used here.
interface LoadResult {
  requests: { average: number; total: number }
  latency: { p99: number }
  non2xx: number
  errors: number
  timeouts: number
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string
  headers: Record<string, string>
  connections: number
  duration: number
}) => Promise<LoadResult>

const PATH = '/fd-api/v1/stations'
// Each target gets its full time, but in slices taken in turn (a, b, c, a, b, c, …): on a shared machine,
// load from elsewhere then falls on all three alike instead of on whichever ran at the wrong moment.
const THROUGHPUT = { connections: 100, duration: 10, slices: 10 }
const LATENCY = { connections: 10, duration: 5, slices: 5 }
const JSON_TYPE = 'application/json; charset=utf-8'

type Kind = 'bare' | 'fastify' | 'service'
interface Ready {
  origin: string
  /** Only the service child sends these: the JSON it answers and a user token for it. */
  body?: string
  token?: string
}

// ── children ────────────────────────────────────────────────────────────────────────────────────────
async function serve(kind: Kind, body: string): Promise<Ready> {
  if (kind === 'bare') {
    const server = createServer((request, response) => {
      if (request.url === PATH) {
        response.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(body) })
        response.end(body)
      } else {
        response.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address() as { port: number }
    return { origin: `http://127.0.0.1:${address.port}` }
  }
  if (kind === 'fastify') {
    const app = Fastify({ logger: false })
    app.get(PATH, (_request, reply) => {
      reply.type(JSON_TYPE).send(body)
    })
    return { origin: await app.listen({ host: '127.0.0.1', port: 0 }) }
  }
  const dir = mkdtempSync(join(tmpdir(), 'token-service-bench-'))
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  const service = createTokenService({ dbPath: join(dir, 'bench.db'), seed: 'demo' })
  const origin = await service.listen()
  const post = async (path: string, init: RequestInit) =>
    (await fetch(`${service.baseUrl}${path}`, { method: 'POST', ...init })).json()
  const session = (await post('/auth/token', {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      email: 'api@demo.test',
      password: service.demoPassword,
    }),
  })) as { access_token: string }
  const issued = (await post('/user-token', {
    headers: { authorization: `Bearer ${session.access_token}` },
  })) as { token: string }
  const stations = await fetch(`${origin}${PATH}`, { headers: { authorization: `Bearer ${issued.token}` } })
  return { origin, body: await stations.text(), token: issued.token }
}

// ── orchestrator ────────────────────────────────────────────────────────────────────────────────────
function start(kind: Kind, body = ''): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BENCH_BODY: body },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as Ready }))
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}) before it was ready`)))
  })
}

async function load(origin: string, token: string, options: { connections: number; duration: number }) {
  const result = await autocannon({
    url: origin + PATH,
    headers: { authorization: `Bearer ${token}` },
    ...options,
  })
  const failed = result.non2xx + result.errors + result.timeouts
  if (failed > 0) throw new Error(`${failed} of ${result.requests.total} requests to ${origin} failed`)
  return { requests: result.requests.total, p99: result.latency.p99 }
}

const median = (values: number[]): number =>
  [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] as number

/** Runs `plan` against every origin in interleaved slices: requests/s over the whole time, median p99. */
async function interleaved(origins: string[], token: string, plan: typeof THROUGHPUT) {
  const sliceSeconds = plan.duration / plan.slices
  const totals = origins.map(() => ({ requests: 0, p99s: [] as number[] }))
  for (let slice = 0; slice < plan.slices; slice++) {
    for (const [index, origin] of origins.entries()) {
      const result = await load(origin, token, { connections: plan.connections, duration: sliceSeconds })
      const total = totals[index] as { requests: number; p99s: number[] }
      total.requests += result.requests
      total.p99s.push(result.p99)
    }
  }
  return totals.map((total) => ({
    requestsPerSecond: total.requests / plan.duration,
    p99: median(total.p99s),
  }))
}

async function main(): Promise<void> {
  const service = await start('service')
  const { body = '', token = '' } = service.ready
  const bare = await start('bare', body)
  const fastify = await start('fastify', body)
  const targets = [bare, fastify, service]
  try {
    for (const target of targets) {
      const reply = await fetch(target.ready.origin + PATH, { headers: { authorization: `Bearer ${token}` } })
      if ((await reply.text()) !== body)
        throw new Error(`${target.ready.origin} does not answer the same JSON`)
      await load(target.ready.origin, token, { connections: 10, duration: 1 }) // warm up (JIT, caches)
    }
    console.log(`token service benchmark — ${body.length}-byte JSON, autocannon in a separate process`)
    // Ratios are only as good as the machine is quiet: say how busy it was.
    const loadAverage = loadavg().map((value) => value.toFixed(1))
    console.log(`${cpus().length} CPUs, load average ${loadAverage.join(' ')} at the start`)
    const origins = [bare, fastify, service].map((target) => target.ready.origin)
    const [a, b, c] = (await interleaved(origins, token, THROUGHPUT)).map(
      (result) => result.requestsPerSecond,
    ) as [number, number, number]
    const labels: [string, string, number][] = [
      ['a', 'bare node:http', a],
      ['b', 'fastify constant', b],
      ['c', 'token service + user token', c],
    ]
    for (const [name, label, rps] of labels) {
      console.log(`(${name}) ${label.padEnd(28)} ${Math.round(rps).toString().padStart(7)} req/s`)
    }
    console.log(
      `    (${THROUGHPUT.connections} connections, ${THROUGHPUT.duration} s each, in ${THROUGHPUT.slices} interleaved slices)`,
    )
    const ratio = (x: number, y: number) => (x / y).toFixed(2)
    console.log(`c/a = ${ratio(c, a)} (goal ≥ 0.70)   c/b = ${ratio(c, b)}   b/a = ${ratio(b, a)}`)
    const [latencyA, latencyC] = await interleaved([bare.ready.origin, service.ready.origin], token, LATENCY)
    const p99 = { a: (latencyA as { p99: number }).p99, c: (latencyC as { p99: number }).p99 }
    console.log(
      `p99 latency at ${LATENCY.connections} connections (${LATENCY.duration} s each, median of ${LATENCY.slices} slices): ` +
        `a = ${p99.a} ms, c = ${p99.c} ms, c/a = ${ratio(p99.c, p99.a)} (goal ≤ 2)`,
    )
  } finally {
    for (const target of targets) target.child.kill('SIGTERM')
  }
}

// Last, so that every constant above is initialised before main() runs.
if (process.argv[2] === '--serve') {
  const kind = process.argv[3] as Kind
  serve(kind, process.env.BENCH_BODY ?? '[]').then((ready) => process.send?.(ready))
} else {
  await main()
}

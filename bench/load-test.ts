import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { canPin, peakRssMb, pinSelf, rssMb, startPinned, stop, waitFor } from './processes.js'
import { seededRandom } from './random.js'
import { seedUrls } from './url-mix.js'

// `npm run load -- [--connections 200] [--seconds 30]`: a bounded soak of the real server on
// loopback with a mix of what clients ask, answering "does it hold?" rather than "how fast?":
// errors, timeouts, statuses, p50/p99 and the server's RSS before and after. Asserts nothing
// and is never run in CI (timing there means nothing); bench/run.ts measures speed.
const { values } = parseArgs({
  options: { connections: { type: 'string', default: '200' }, seconds: { type: 'string', default: '30' }, data: { type: 'string', default: 'db' } }
})
const connections = Number(values.connections)
const seconds = Number(values.seconds)
if (!(connections >= 1 && seconds >= 1)) throw new Error('--connections and --seconds must be positive numbers')

const rand = seededRandom(7)
const one = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

const json = async <T>(url: string) => (await (await fetch(url)).json()) as T

/** Second and third pages of filtered lists, through the cursors the server hands out. */
async function cursorPages(base: string, lists: string[]): Promise<string[]> {
  const pages: string[] = []
  for (const list of lists) {
    let url = list
    for (let page = 0; page < 2; page++) {
      const { page: { nextCursor } } = await json<{ page: { nextCursor: string | null } }>(base + url)
      if (!nextCursor) break
      url = `${list}&cursor=${encodeURIComponent(nextCursor)}`
      pages.push(url)
    }
  }
  return pages
}

/**
 * A realistic day's mix, by share of requests: filtered lists and their next pages, facets,
 * facts by id, vocabularies and meta, a few exports, and the 404s and 400s clients get wrong.
 */
async function urlMix(base: string): Promise<string[]> {
  const lists = seedUrls(2_000).map((u) => u.replace(/limit=\d+/, `limit=${one([5, 10, 20])}`))
  const ids = (await json<{ data: { id: string }[] }>(`${base}/v1/facts?limit=100`)).data.map((f) => f.id)
  const pages = await cursorPages(base, ['/v1/facts?limit=5', '/v1/facts?limit=10&sort=year', ...lists.slice(0, 200)])
  const share: [number, () => string][] = [
    [35, () => one(lists)],
    [12, () => one(pages.length ? pages : lists)],
    [15, () => one(lists).replace('/v1/facts?', '/v1/facts/facets?').replace(/&?limit=\d+/, '')],
    [15, () => `/v1/facts/${encodeURIComponent(one(ids))}`],
    [10, () => one(['/v1/categories', '/v1/forms', '/v1/actors', '/v1/years', '/v1/sources', '/v1/meta', '/v1/categories/prosecution', '/v1/forms/forced-labor', '/healthz', '/readyz'])],
    [1, () => one(['/v1/facts/export', '/v1/facts/export?format=ndjson', '/v1/facts/export?year=2013&format=ndjson'])],
    [6, () => one(['/v1/facts/no-such-fact', `/v1/facts/missing-${Math.floor(rand() * 1e6)}`, '/v1/nothing', '/v1/categories/labour'])],
    [6, () => one(['/v1/facts?category=labour', '/v1/facts?limit=0', '/v1/facts?year=abc', '/v1/facts?cursor=bogus', '/v1/facts?yearFrom=2020&yearTo=2010'])]
  ]
  const total = share.reduce((s, [w]) => s + w, 0)
  return Array.from({ length: 20_000 }, () => {
    let pick = rand() * total
    for (const [weight, url] of share) if ((pick -= weight) < 0) return url()
    return share[0]![1]()
  })
}

pinSelf()
const dir = mkdtempSync(join(tmpdir(), 'facts-load-'))
const port = await freePort()
const base = `http://127.0.0.1:${port}`
// the database is built from --data into a temp file at start, as a fresh replica would
const server = startPinned(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'load.sqlite'), DATA_DIR: values.data, RATE_LIMIT_MAX: '0', LOG_LEVEL: 'warn'
})
const f = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })
try {
  await waitFor(`${base}/readyz`)
  const urls = await urlMix(base)
  const rssAtStart = rssMb(server.pid!)
  let next = 0
  const requests = [{ setupRequest: (request: autocannon.Request) => ({ ...request, path: urls[next++ % urls.length]! }) }]
  // a short warm-up: JIT, the response cache and the facet indexes built on first use
  await autocannon({ url: base, connections: 10, duration: 3, requests })
  const rssBefore = rssMb(server.pid!)
  // sampled through the run: a plateau is a warm process, a steady climb is a leak
  const rssSeries: number[] = []
  const sampler = setInterval(() => rssSeries.push(rssMb(server.pid!)), 5_000)
  const result = await autocannon({ url: base, connections, duration: seconds, requests })
  clearInterval(sampler)
  const rssAfter = rssMb(server.pid!)
  await new Promise((r) => setTimeout(r, 5_000))
  const rssIdle = rssMb(server.pid!)

  const statuses = Object.entries(result.statusCodeStats as unknown as Record<string, { count: number }>)
    .map(([status, { count }]) => `${status}: ${f(count)}`).join(', ')
  console.log(`\nload: ${connections} connections × ${seconds} s against ${base} (data ${values.data}${canPin ? '; server on core 0, load on core 1' : ''})`)
  console.log(`requests        ${f(result.requests.total)} (${f(result.requests.average)} req/s average), ${f(result.throughput.total / 1e6, 1)} MB`)
  console.log(`latency         p50 ${f(result.latency.p50)} ms, p99 ${f(result.latency.p99)} ms, max ${f(result.latency.max)} ms`)
  console.log(`errors          ${result.errors} (timeouts ${result.timeouts}, resets ${result.resets})`)
  console.log(`statuses        ${statuses}; non-2xx ${f(result.non2xx)} (4xx ${f(result['4xx'])}, 5xx ${f(result['5xx'])})`)
  console.log(`server RSS      ${f(rssAtStart)} MB at start, ${f(rssBefore)} MB after warm-up, ${f(rssAfter)} MB after the load, ${f(rssIdle)} MB 5 s later; peak ${f(peakRssMb(server.pid!))} MB`)
  console.log(`RSS every 5 s   ${rssSeries.map((mb) => f(mb)).join(', ')} MB`)
  const holds = result.errors === 0 && result.timeouts === 0 && result['5xx'] === 0
  console.log(holds ? '\nheld: no errors, no timeouts, no 5xx' : '\nDID NOT HOLD: see errors, timeouts and 5xx above')
  process.exitCode = holds ? 0 : 1
} finally {
  await stop(server)
  rmSync(dir, { recursive: true, force: true })
}

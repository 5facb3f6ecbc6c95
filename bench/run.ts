import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { buildDatabase } from '../src/database/build-database.js'
import Database from 'better-sqlite3'
import type { KeysetPosition } from '../src/repositories/facts/fact-sort.js'
import { createFactsRepository } from '../src/repositories/facts/facts-repository.js'
import { writeSyntheticData } from './synthetic-data.js'

// `npm run bench`: the service on synthetic data, one process pinned to core 0 and the load
// generator on core 1 where taskset exists. Every figure is reported against a baseline from
// the same run (GET /healthz), since absolute numbers depend on the machine.
const FACTS = Number(process.env.BENCH_FACTS ?? 20_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)
const PORT = 3900 + Math.floor(Math.random() * 90)
const base = `http://127.0.0.1:${PORT}`

const dir = mkdtempSync(join(tmpdir(), 'facts-bench-'))
const dataDir = join(dir, 'db')
const databasePath = join(dir, 'facts.sqlite')
let started = Date.now()
writeSyntheticData(dataDir, FACTS)
buildDatabase({ dataDir, migrationsDir: 'migrations', outputPath: databasePath })
console.log(`built ${FACTS} synthetic facts in ${Date.now() - started} ms`)

// The keyset claim, measured without HTTP in between: median time of the page query itself.
{
  const facts = createFactsRepository(new Database(databasePath, { readonly: true }))
  let after: KeysetPosition | undefined
  for (let i = 0; i < Math.floor(FACTS / 20) - 1; i++) after = facts.page({ filters: {}, sort: '-year', limit: 20, after }).next ?? undefined
  const median = (run: () => unknown) => {
    const times = Array.from({ length: 2001 }, () => {
      const t = process.hrtime.bigint()
      run()
      return Number(process.hrtime.bigint() - t) / 1e6
    }).sort((a, b) => a - b)
    return times[1000]!
  }
  const first = median(() => facts.page({ filters: {}, sort: '-year', limit: 20 }))
  const last = median(() => facts.page({ filters: {}, sort: '-year', limit: 20, after }))
  console.log(`repository: page 1 ${first.toFixed(3)} ms, page ${Math.floor(FACTS / 20)} ${last.toFixed(3)} ms (median of 2001): ratio ${(last / first).toFixed(2)}`)
}

const pin = spawnSync('taskset', ['--version']).status === 0
const command = pin ? 'taskset' : process.execPath
const args = [...(pin ? ['-c', '0', process.execPath] : []), '--import', 'tsx', 'src/server.ts']
const server = spawn(command, args, {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_PATH: databasePath, RATE_LIMIT_MAX: '0', LOG_LEVEL: 'warn' },
  stdio: 'inherit'
})
// taskset execs node in place, so the child's pid is the server's either way
const serverPid = () => server.pid!

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in clock ticks of 10 ms
}
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024

async function waitReady() {
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('server did not become ready')
}

async function load(path: string) {
  const pid = serverPid()
  const cpuBefore = cpuMs(pid)
  const result = await autocannon({ url: `${base}${path}`, connections: 8, duration: SECONDS })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  const requests = result.requests.total
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, cpuPerRequest: (cpuMs(pid) - cpuBefore) / requests }
}

async function deepCursor(pages: number): Promise<string> {
  let cursor = ''
  for (let i = 0; i < pages; i++) {
    const page = (await (await fetch(`${base}/v1/facts?limit=20${cursor ? `&cursor=${cursor}` : ''}`)).json()) as { page: { nextCursor: string } }
    cursor = page.page.nextCursor
  }
  return cursor
}

try {
  await waitReady()
  const pid = serverPid()
  const deep = await deepCursor(Math.floor(FACTS / 20) - 2)
  const scenarios: [string, string][] = [
    ['baseline GET /healthz', '/healthz'],
    ['facts page 1', '/v1/facts?limit=20'],
    [`facts page ${Math.floor(FACTS / 20) - 1} (keyset)`, `/v1/facts?limit=20&cursor=${deep}`],
    ['facts, category+form+yearFrom', '/v1/facts?category=prosecution&form=forced-labor&yearFrom=2000'],
    ['facts, actor', '/v1/facts?actor=actor-3'],
    ['facts, q=brick', '/v1/facts?q=brick'],
    ['facets, no filter', '/v1/facts/facets'],
    ['fact by id', '/v1/facts/synthetic-004242']
  ]
  const results = []
  for (const [name, path] of scenarios) results.push({ name, ...(await load(path)) })
  const baseline = results[0]!
  console.log(`\n${FACTS} facts, ${SECONDS} s per scenario, 8 connections${pin ? ', server on core 0' : ''}`)
  console.log('scenario'.padEnd(34), 'req/s'.padStart(8), 'p50 ms'.padStart(7), 'p99 ms'.padStart(7), 'CPU ms/req'.padStart(11), 'CPU ratio'.padStart(10))
  for (const r of results) {
    console.log(r.name.padEnd(34), r.rps.toFixed(0).padStart(8), String(r.p50).padStart(7), String(r.p99).padStart(7), r.cpuPerRequest.toFixed(3).padStart(11), `${(r.cpuPerRequest / baseline.cpuPerRequest).toFixed(1)}x`.padStart(10))
  }
  const [first, deepPage] = [results[1]!, results[2]!]
  console.log(`\nkeyset: deep page / page 1 CPU per request = ${(deepPage.cpuPerRequest / first.cpuPerRequest).toFixed(2)} (1.00 = same cost)`)

  const rssBefore = rssMb(pid)
  started = Date.now()
  const exported = await fetch(`${base}/v1/facts/export?format=ndjson`)
  let bytes = 0
  let peak = rssBefore
  for await (const chunk of exported.body!) {
    bytes += (chunk as Uint8Array).byteLength
    peak = Math.max(peak, rssMb(pid))
  }
  console.log(
    `export: ${FACTS} facts, ${(bytes / 1e6).toFixed(1)} MB NDJSON in ${Date.now() - started} ms; ` +
      `server RSS ${rssBefore.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB (+${(peak - rssBefore).toFixed(0)} MB, ${((peak - rssBefore) / (bytes / 1e6)).toFixed(2)} MB per MB sent)`
  )
} finally {
  server.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
}

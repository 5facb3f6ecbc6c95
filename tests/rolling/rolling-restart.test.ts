import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { writeSyntheticData } from '../../bench/synthetic-data.js'
import { buildDatabase } from '../../src/database/build-database.js'
import { startLoggedServer, type LoggedProcess } from '../helpers/logged-process.js'
import { freePort, haveHaproxy, startHaproxy, type Haproxy } from './haproxy.js'

// `npm run test:rolling`: a rolling restart as an orchestrator does it. Three replicas of the
// built app (dist/) on one database file behind HAProxy, load through HAProxy all along, and
// each replica in turn SIGTERMed and started again, the first while it streams an export to a
// client: every request must succeed, the export must arrive whole, and each replica must exit
// 0 within a second of its last answer.
if (!haveHaproxy) throw new Error('haproxy is missing: apt-get install haproxy (.ci/run does)')

const FACTS = 20_000
const REPLICAS = 3
// how long the client pauses mid-export after the SIGTERM: the export spans the shutdown
const EXPORT_PAUSE_MS = 300
const EXIT_BUDGET_MS = 1000

const dir = mkdtempSync(join(tmpdir(), 'facts-rolling-'))
const env = {
  DATA_DIR: join(dir, 'data'),
  DATABASE_PATH: join(dir, 'facts.sqlite'),
  HOST: '127.0.0.1',
  RATE_LIMIT_MAX: '0',
  TRUST_PROXY: 'true',
  LOG_LEVEL: 'info'
}
const replicas: LoggedProcess[] = []
let replicaPorts: number[]
let haproxy: Haproxy
let base: string

async function startReplica(i: number) {
  const replica = startLoggedServer({ ...env, PORT: String(replicaPorts[i]) }, ['dist/server.js'])
  replicas[i] = replica
  await replica.waitFor(/Server listening at/)
}

beforeAll(async () => {
  writeSyntheticData(env.DATA_DIR, FACTS)
  buildDatabase({ dataDir: env.DATA_DIR, migrationsDir: 'migrations', outputPath: env.DATABASE_PATH })
  replicaPorts = await Promise.all(Array.from({ length: REPLICAS }, freePort))
  const [port, statsPort] = [await freePort(), await freePort()]
  for (let i = 0; i < REPLICAS; i++) await startReplica(i)
  haproxy = await startHaproxy(dir, { port: port!, statsPort: statsPort!, replicaPorts })
  for (let i = 0; i < REPLICAS; i++) await haproxy.waitFor(`r${i}`, 'UP')
  base = `http://127.0.0.1:${port}`
}, 120_000)

afterAll(async () => {
  await haproxy?.stop()
  for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** A mix of what clients ask: pages, facets, single facts, search, metadata and probes. */
function paths(): string[] {
  const list: string[] = []
  for (let i = 0; i < 50; i++) {
    list.push(`/v1/facts?year=${2000 + (i % 25)}&limit=${1 + (i % 50)}`)
    list.push(`/v1/facts/facets?country=${['RU', 'UA', 'KZ', 'IR', 'NG'][i % 5]}&yearFrom=${1995 + i}`)
    list.push(`/v1/facts/synthetic-${String(i * 397).padStart(7, '0')}`)
    list.push(`/v1/facts?q=${['brick', 'police', 'debt', 'wages'][i % 4]}&limit=5&category=${['prosecution', 'protection'][i % 2]}`)
  }
  return [...list, '/v1/meta', '/v1/categories', '/readyz', '/healthz']
}

test('three replicas restarted in turn under load, one mid-export: no failed request, each exits 0 within a second', async ({ annotate }) => {
  const list = paths()
  let next = 0
  let tracker: autocannon.Instance | undefined
  const loaded = new Promise<autocannon.Result>((resolve, reject) => {
    tracker = autocannon(
      {
        url: base,
        connections: 8,
        // bounded: stopped once every replica is back, and never longer than this
        duration: 120,
        requests: [{ setupRequest: (request) => ({ ...request, path: list[next++ % list.length]! }) }]
      },
      (error, result) => (error ? reject(error) : resolve(result))
    )
  })
  await new Promise((resolve) => setTimeout(resolve, 1000))

  // an export through HAProxy: the replica streaming it goes first
  const response = await fetch(`${base}/v1/facts/export?format=ndjson`, { headers: { 'accept-encoding': 'identity' } })
  expect(response.status).toBe(200)
  const exporting = Number(response.headers.get('x-replica')!.slice(1))
  const reader = response.body!.getReader()
  const chunks: Uint8Array[] = [(await reader.read()).value!]

  const exits: { replica: number; code: number | null; ms: number; after: string }[] = []
  for (const i of [exporting, ...[0, 1, 2].filter((r) => r !== exporting)]) {
    const replica = replicas[i]!
    replica.child.kill('SIGTERM')
    let from = performance.now()
    let after = 'SIGTERM'
    if (i === exporting) {
      await new Promise((resolve) => setTimeout(resolve, EXPORT_PAUSE_MS))
      for (let part = await reader.read(); !part.done; part = await reader.read()) chunks.push(part.value)
      from = performance.now()
      after = 'the export ended'
    }
    const code = await replica.exited
    exits.push({ replica: i, code, ms: Math.round(performance.now() - from), after })
    await startReplica(i)
    await haproxy.waitFor(`r${i}`, 'UP')
  }

  tracker!.stop()
  const result = await loaded
  const exported = Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).length
  await annotate(
    `${result.requests.total} requests through HAProxy (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts); ` +
      `export ${exported} facts; exits: ${exits.map((e) => `r${e.replica} code ${e.code} ${e.ms} ms after ${e.after}`).join(', ')}`
  )
  expect(exported).toBe(FACTS)
  expect({ non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 })
  expect(result.requests.total).toBeGreaterThan(1000)
  for (const exit of exits) {
    expect(exit.code, `replica r${exit.replica}`).toBe(0)
    expect(exit.ms, `replica r${exit.replica}: ms from ${exit.after} to exit`).toBeLessThanOrEqual(EXIT_BUDGET_MS)
  }
})

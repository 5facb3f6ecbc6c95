import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { LoadResult } from './load.js'
import { canPin, pinSelf } from './processes.js'
import { scaleScenarios } from './scale-scenarios.js'
import { seedScenarios } from './seed-scenarios.js'

// `npm run bench -- --facts N [--seconds S] [--out FILE] [--only seed|scale] [--data DIR [--database FILE]]`:
// every scenario of bench/README.md in one run, baselines included; prints tables and writes the
// figures as JSON. Asserts nothing.
const { values } = parseArgs({
  options: {
    facts: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/last-run.json' },
    // to repeat the scale scenarios without generating or building again, or without the seed's
    only: { type: 'string' },
    data: { type: 'string' },
    database: { type: 'string' }
  }
})
const facts = Number(values.facts)
const seconds = Number(values.seconds)
pinSelf()
if (spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' }).status !== 0) process.exit(1)

const dir = mkdtempSync(join(tmpdir(), 'facts-bench-'))
const f = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const row = (name: string, r: LoadResult, note = '') =>
  console.log(`${name.padEnd(50)}${f(r.rps).padStart(9)}${f(r.p50).padStart(7)}${f(r.p99).padStart(7)}${f(r.cpuUs).padStart(9)}  ${note}`)
const header = () => console.log(`${'scenario'.padEnd(50)}${'req/s'.padStart(9)}${'p50'.padStart(7)}${'p99'.padStart(7)}${'CPU µs'.padStart(9)}  (latency ms; server CPU per request)`)
try {
  const seed = values.only === 'scale' ? undefined : await seedScenarios(dir, seconds)
  if (seed) {
    const bare = seed['bare Fastify GET /']!
    const jsonServer = seed['json-server, same facts and query']!
    console.log(`\nhot path on the shipped data: 50 connections, ${seconds} s each${canPin ? ', server on core 0, load on core 1' : ''}`)
    header()
    for (const [name, r] of Object.entries(seed)) {
      const notes = name.startsWith('service') ? `CPU ${f(r.cpuUs / bare.cpuUs, 2)}× bare Fastify; req/s ${f(r.rps / jsonServer.rps, 1)}× json-server` : ''
      row(name, r, `${notes}${r.non2xx || r.errors ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : ''}`)
    }
  }
  const scale = values.only === 'seed' ? undefined : await scaleScenarios(dir, facts, seconds, { dataDir: values.data, databasePath: values.database })
  if (scale) {
    console.log(`\n${f(facts)} synthetic facts: 10 connections, ${seconds} s each`)
    const build = scale.build ? `db:build ${f(scale.build.ms / 1000, 1)} s, peak RSS ${f(scale.build.peakRssMb)} MB` : 'db:build not run (--database)'
    console.log(`generate ${values.data ? 'not run (--data)' : `${f(scale.synthMs / 1000, 1)} s`}; ${build}`)
    console.log(`cold start (spawn to first 200 on /v1/facts) ${f(scale.coldStartMs)} ms; server RSS ${f(scale.startRssMb)} MB at start, ${f(scale.endRssMb)} MB at the end`)
    header()
    for (const [name, r] of Object.entries(scale.http)) row(name, r, r.non2xx || r.errors ? `(${r.non2xx} non-2xx, ${r.errors} errors)` : '')
    console.log(`page at depth 10,000 / page 1 (repository, median): ${f(scale.deepPage.depth10000Ms, 3)} / ${f(scale.deepPage.page1Ms, 3)} ms = ${f(scale.deepPage.ratio, 2)}`)
    console.log(`NDJSON export of all: ${f(scale.export.factsPerSecond)} facts/s, ${f(scale.export.mb)} MB, server RSS +${f(scale.export.rssGrowthMb)} MB`)
  }
  writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, pinned: canPin, seconds, seed, scale }, null, 2)}\n`)
  console.log(`\nfigures written to ${values.out}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

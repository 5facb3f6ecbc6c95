import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { LoadResult } from './load.js'
import { explorerScenarios } from './explorer-scenarios.js'
import { fieldsScenarios } from './fields-scenarios.js'
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
// npm run build: the compiled code and the explorer's templates beside it
if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1)

const dir = mkdtempSync(join(tmpdir(), 'facts-bench-'))
const f = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })
const row = (name: string, r: LoadResult, note = '') =>
  console.log(`${name.padEnd(50)}${f(r.rps).padStart(9)}${f(r.p50).padStart(7)}${f(r.p99).padStart(7)}${f(r.cpuUs).padStart(9)}  ${note}`)
const header = () => console.log(`${'scenario'.padEnd(50)}${'req/s'.padStart(9)}${'p50'.padStart(7)}${'p99'.padStart(7)}${'CPU µs'.padStart(9)}  (latency ms; server CPU per request)`)
try {
  const seed = values.only === 'scale' ? undefined : await seedScenarios(dir, seconds)
  let explorer: Awaited<ReturnType<typeof explorerScenarios>> | undefined
  let fields: Awaited<ReturnType<typeof fieldsScenarios>> | undefined
  if (seed) {
    const bare = seed['bare Fastify GET /']!
    const jsonServer = seed['json-server, same facts and query']!
    console.log(`\nhot path on the shipped data: 50 connections, ${seconds} s each${canPin ? ', server on core 0, load on core 1' : ''}`)
    header()
    for (const [name, r] of Object.entries(seed)) {
      const notes = name.startsWith('service') ? `CPU ${f(r.cpuUs / bare.cpuUs, 2)}× bare Fastify; req/s ${f(r.rps / jsonServer.rps, 1)}× json-server` : ''
      row(name, r, `${notes}${r.non2xx || r.errors ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : ''}`)
    }

    explorer = await explorerScenarios(join(dir, 'seed.sqlite'), seconds)
    console.log(`\nexplorer pages against their API calls, shipped data: 50 connections, ${seconds} s each`)
    header()
    for (const [name, r] of Object.entries(explorer.http)) row(name, r, r.non2xx || r.errors ? `(${r.non2xx} non-2xx, ${r.errors} errors)` : '')
    for (const [name, ratio] of Object.entries(explorer.ratios)) console.log(`CPU per request, ${name}: ${f(ratio, 2)}×`)
    console.log(`page weight, uncompressed: ${Object.entries(explorer.weights).map(([name, bytes]) => `${name} ${f(bytes / 1024, 1)} KB`).join('; ')}`)

    fields = await fieldsScenarios(join(dir, 'seed.sqlite'), seconds)
    console.log(`\nsparse fieldsets on the shipped data, response cache off: 50 connections, ${seconds} s each`)
    header()
    row('service, page of 20, whole facts', fields.full, `${f(fields.full.bytes)} bytes`)
    row('service, same page, fields=id,statement,year', fields.fields,
      `${f(fields.fields.bytes)} bytes = ${f(fields.sizeRatio, 1)}× smaller; CPU ${f(fields.cpuRatio, 2)}× the whole page`)
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
    for (const [encoding, e] of Object.entries(scale.exports)) {
      console.log(`NDJSON export of all (${encoding}): ${f(e.factsPerSecond)} facts/s, ${f(e.mb)} MB, server RSS +${f(e.rssGrowthMb)} MB; ` +
        `${e.probes.count} pages beside it: p50 ${f(e.probes.p50, 1)} ms, max ${f(e.probes.max, 1)} ms`)
    }
  }
  writeFileSync(values.out, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, pinned: canPin, seconds, seed, explorer, fields, scale }, null, 2)}\n`)
  console.log(`\nfigures written to ${values.out}`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}

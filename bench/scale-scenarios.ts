import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createFactsRepository, type PagePlace } from '../src/repositories/facts/facts-repository.js'
import { normalizeFilters } from '../src/schemas/fact-filters.js'
import { progressLine } from '../src/cli/progress.js'
import { exportBeside, type ExportResult } from './export-beside.js'
import { load, type LoadResult } from './load.js'
import { rssMb, runMeasured, startPinned, stop, waitFor } from './processes.js'
import { neverSeenFilterSets } from './never-seen.js'
import { writeSyntheticData } from './synthetic-data.js'
import { factIds, scaleQueries } from './url-mix.js'

export interface ScaleResults {
  facts: number
  synthMs: number
  /** Undefined when an existing database was served (`--database`). */
  build: { ms: number; peakRssMb: number } | undefined
  coldStartMs: number
  startRssMb: number
  http: Record<string, LoadResult>
  deepPage: { page1Ms: number; depth10000Ms: number; ratio: number }
  exports: Record<'identity' | 'gzip', ExportResult>
  endRssMb: number
}

const median = (run: () => unknown, times = 501) => {
  const samples = Array.from({ length: times }, () => {
    const t = performance.now()
    run()
    return performance.now() - t
  }).sort((a, b) => a - b)
  return samples[times >> 1]!
}

export interface ScaleOptions {
  /** A directory `npm run db:synth` wrote with this many facts: not generated again. */
  dataDir?: string | undefined
  /** A database built from `dataDir`: not built again (the build is then not measured). */
  databasePath?: string | undefined
}

/** N synthetic facts through the real pipeline: build, cold start, distinct queries, paging depth, export. */
export async function scaleScenarios(dir: string, facts: number, seconds: number, options: ScaleOptions = {}): Promise<ScaleResults> {
  const dataDir = options.dataDir ?? join(dir, 'db')
  const databasePath = options.databasePath ?? join(dir, 'facts.sqlite')
  let started = performance.now()
  if (!options.dataDir) {
    const progress = progressLine('synthetic facts written')
    writeSyntheticData(dataDir, facts, progress.update)
    progress.end()
  }
  const synthMs = options.dataDir ? 0 : performance.now() - started
  const env = { DATA_DIR: dataDir, DATABASE_PATH: databasePath, HOST: '127.0.0.1', PORT: '3921', RATE_LIMIT_MAX: '0', LOG_LEVEL: 'warn' }
  // the heap cap of `npm run db:build`, without npm and tsx around it
  const build = options.databasePath ? undefined : await runMeasured(process.execPath, ['--max-old-space-size=384', 'dist/cli/build-db.js'], env)

  // the keyset claim without HTTP or caches in between: page 1 against a page 10,000 facts deep
  const db = new Database(databasePath, { readonly: true })
  const repository = createFactsRepository(db)
  const query = normalizeFilters({})
  let after: PagePlace | undefined
  for (let i = 0; i < 100; i++) after = repository.page({ query, sort: '-year', limit: 100, after }).next ?? undefined
  const page1Ms = median(() => repository.page({ query, sort: '-year', limit: 20 }))
  const depth10000Ms = median(() => repository.page({ query, sort: '-year', limit: 20, after }))
  db.close()

  started = performance.now()
  const server = startPinned(process.execPath, ['dist/server.js'], env)
  const base = 'http://127.0.0.1:3921'
  try {
    await waitFor(`${base}/v1/facts`)
    const coldStartMs = performance.now() - started
    const pid = server.pid!
    const startRssMb = rssMb(pid)
    const queries = scaleQueries(3000)
    const http: Record<string, LoadResult> = {}
    http['page of 20 with total, 3,000 distinct filter sets'] = await load(base, pid, queries.map((q) => `/v1/facts?${q}`), seconds, 10)
    http['facets, 3,000 distinct filter sets'] = await load(base, pid, queries.map((q) => `/v1/facts/facets?${q}`), seconds, 10)
    // every request a filter set no earlier request asked: only the index can answer
    const fresh = neverSeenFilterSets()
    http['page of 20 with total, every filter set never seen'] = await load(base, pid, fresh.page, seconds, 10)
    http['facets, every filter set never seen'] = await load(base, pid, fresh.facets, seconds, 10)
    http['fact by id, random ids'] = await load(base, pid, factIds(20_000, facts).map((id) => `/v1/facts/${id}`), seconds, 10)

    // uncompressed, as the target is stated, and gzip, as fetch and browsers ask for it (then
    // gzip's CPU sets the pace); beside each, pages over filter sets drawn afresh, so no cache answers
    const probes = scaleQueries(3000).map((q) => `/v1/facts?${q}`)
    const exports = { identity: await exportBeside(base, pid, 'identity', probes), gzip: await exportBeside(base, pid, 'gzip', probes) }
    return {
      facts, synthMs, build, coldStartMs, startRssMb, http,
      deepPage: { page1Ms, depth10000Ms, ratio: depth10000Ms / page1Ms },
      exports,
      endRssMb: rssMb(pid)
    }
  } finally {
    await stop(server)
  }
}

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { computeCoverage } from '../../src/curation/coverage.js'
import { loadCuratedData, type CuratedData } from '../../src/curation/load-curated-data.js'

// The shipped data as a release: the curation rules themselves run in the build (src/curation;
// tests/curation/curation-rules.test.ts tests them), so what is checked here is only what the
// build cannot know — ids published before, the version the data was released under, and that
// every sentence of every source is accounted for.

// CURATED_DATA_DIR points the checks at a copy of db/ (a curator's trial of a new source)
const DATA_DIR = process.env.CURATED_DATA_DIR ?? 'db'
const listed = (file: string) =>
  readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))

let loaded: CuratedData | undefined
const shipped = (): CuratedData => (loaded ??= loadCuratedData(DATA_DIR))

describe('the shipped data (db/)', () => {
  it('builds under every curation rule, waiving none', () => {
    expect(shipped().facts.length).toBeGreaterThan(0)
    expect(shipped().dataset.waive, 'db/dataset.yaml must not waive curation rules').toEqual([])
  })

  it('keeps every published fact id (ids may be added, never removed or renamed)', () => {
    const current = new Set(shipped().facts.map((f) => f.fact.id))
    expect(listed('./fact-ids.txt').filter((id) => !current.has(id)), 'published fact ids that are gone').toEqual([])
  })

  it('lists every shipped fact id in tests/curation/fact-ids.txt', () => {
    const published = new Set(listed('./fact-ids.txt'))
    const missing = shipped().facts.map((f) => f.fact.id).filter((id) => !published.has(id))
    expect(missing, 'append these ids to tests/curation/fact-ids.txt (one a line): they are published once released').toEqual([])
  })

  it('bumps the dataset version whenever the data changes', () => {
    const { dataset, contentHash } = shipped()
    const recorded = new Map(listed('./dataset-versions.txt').map((line) => line.split(/\s+/) as [string, string]))
    const hash = recorded.get(dataset.version)
    if (hash === undefined) expect.fail(`version ${dataset.version} is not recorded: append "${dataset.version} ${contentHash}" to tests/curation/dataset-versions.txt`)
    // the hash covers dataset.yaml too, so the line to append is printed once the version is bumped
    expect(contentHash, `the data changed since version ${dataset.version} was released: bump version and released in db/dataset.yaml, then run this test again for the line to append to tests/curation/dataset-versions.txt`).toBe(hash)
  })

  it('accounts for every sentence of every source (npm run db:coverage shows zero unaccounted)', () => {
    const facts = shipped().facts.map((f) => f.fact)
    const unaccounted = shipped().sources.flatMap((s) =>
      computeCoverage(s, facts).sentenceList.filter((x) => x.status === 'unaccounted').map((x) => `${s.metadata.id} ${x.start}..${x.end}`)
    )
    expect(unaccounted, 'sentences neither evidence nor skipped with a reason').toEqual([])
  })
})

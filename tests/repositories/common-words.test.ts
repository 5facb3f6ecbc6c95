import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, inject, test } from 'vitest'
import { buildDatabase } from '../../src/database/build-database.js'
import { createFactsRepository } from '../../src/repositories/facts/facts-repository.js'
import { normalizeFilters } from '../../src/schemas/fact-filters.js'
import { FIXTURE_DATA_DIR } from '../helpers/paths.js'

// Common words are served from lists stored at build time, rare ones straight from FTS5: the
// two paths must give the same matches in the same order. Storing every word forces the first.
const dir = mkdtempSync(join(tmpdir(), 'common-words-'))
const storedPath = join(dir, 'all-words-stored.sqlite')
buildDatabase({ dataDir: FIXTURE_DATA_DIR, migrationsDir: 'migrations', outputPath: storedPath, commonWordFacts: 0 })
const stored = new Database(storedPath, { readonly: true })
const searched = new Database(inject('fixtureDatabasePath'), { readonly: true })
afterAll(() => {
  stored.close()
  searched.close()
  rmSync(dir, { recursive: true, force: true })
})

test('the fixture build stores no word list, the forced build stores every word', () => {
  expect(searched.prepare('SELECT count(*) FROM word_postings').pluck().get()).toBe(0)
  expect(stored.prepare('SELECT count(*) FROM word_postings').pluck().get()).toBeGreaterThan(100)
})

test.each(['victims', 'deported migrants', 'brick factories', 'Zürich', 'police', 'no-such-word'])(
  'q=%s: stored lists and FTS5 agree on matches and relevance order',
  (q) => {
    const query = normalizeFilters({ q })
    const ids = (db: Database.Database) => [...createFactsRepository(db).iterate(query, 'relevance', 2)].map((f) => f.id)
    expect(ids(stored)).toEqual(ids(searched))
  }
)

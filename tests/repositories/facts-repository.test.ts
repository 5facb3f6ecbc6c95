import Database from 'better-sqlite3'
import { afterAll, describe, expect, inject, test } from 'vitest'
import { createFactsRepository } from '../../src/repositories/facts/facts-repository.js'
import { normalizeFilters } from '../../src/schemas/fact-filters.js'
import { expectedIds, fixture } from '../helpers/fixture-oracle.js'

// The repository works without HTTP: scripts and notebooks can use it on the database directly.
const db = new Database(inject('fixtureDatabasePath'), { readonly: true })
const facts = createFactsRepository(db)
afterAll(() => db.close())

describe('createFactsRepository', () => {
  test.each([1, 4, 26, 27, 200])('iterate() in batches of %i yields every fact once, in sort order', (batch) => {
    const ids = [...facts.iterate(normalizeFilters({}), 'id', batch)].map((f) => f.id)
    expect(ids).toEqual(fixture.facts.map((e) => e.fact.id).sort())
  })

  test('iterate() applies filters across batch boundaries', () => {
    const ids = [...facts.iterate(normalizeFilters({ category: ['prosecution'] }), '-year', 2)].map((f) => f.id)
    expect(ids.sort()).toEqual(expectedIds({ category: ['prosecution'] }))
  })

  test('findById() returns the whole fact with relations in curated order', () => {
    const curated = fixture.facts.find((e) => e.fact.id === 'fx-deported-without-identification')!.fact
    const fact = facts.findById(curated.id)!
    expect(fact.evidence.map((e) => e.quote)).toEqual(curated.evidence.map((e) => e.quote))
    expect(fact.evidence.map((e) => e.attribution)).toEqual(['A rights group', 'the rights group'])
    expect(facts.findById('no-such-fact')).toBeUndefined()
  })

  test('the database it reads is read-only', () => {
    expect(() => db.prepare("DELETE FROM facts WHERE id = 'fx-2012-sex-prosecutions'").run()).toThrow(/readonly/)
  })
})

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { earliestYear } from '../../../../src/database/stage-facts.js'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { fixture } from '../../../helpers/fixture-oracle.js'

// The fixture's origins (tests/fixtures/db/origins/fixture-report.yaml) date span 0–77 to 2014,
// and the two spans of fx-deported-without-identification to 2019 and 2017; no other span has
// an origin with a year.
const DATED = new Map([
  ['fx-2013-sex-prosecutions', 2014],
  ['fx-deported-without-identification', 2017]
])

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('publishedYear', () => {
  test('is the earliest year of the evidence origins, null when none gives one', () => {
    expect(earliestYear([null, { year: 2019 }, { year: null }, { year: 2017 }])).toBe(2017)
    expect(earliestYear([null, { year: null }])).toBeNull()
    expect(earliestYear([])).toBeNull()
  })

  test('each fact serves the year its origins give, and null otherwise', async () => {
    for (const { fact } of fixture.facts) {
      const served = (await app.inject(`/v1/facts/${fact.id}`)).json()
      expect(served.publishedYear, fact.id).toBe(DATED.get(fact.id) ?? null)
    }
  })

  test('the repeatable publishedYear filter selects by it, and refuses a non-year', async () => {
    const page = (await app.inject('/v1/facts?publishedYear=2017&publishedYear=2014&limit=100')).json()
    expect(page.data.map((f: { id: string }) => f.id).sort()).toEqual([...DATED.keys()].sort())
    expect(page.query.publishedYear).toEqual([2014, 2017])
    expect((await app.inject('/v1/facts?publishedYear=2019')).json().data).toEqual([])
    const bad = await app.inject('/v1/facts?publishedYear=recent')
    expect(bad.statusCode).toBe(400)
    expect(bad.headers['content-type']).toContain('application/problem+json')
  })

  test('the facet counts facts by publication year, null for the rest', async () => {
    const facets = (await app.inject('/v1/facts/facets')).json()
    expect(facets.publishedYear).toEqual([
      { value: null, count: fixture.facts.length - DATED.size },
      { value: 2014, count: 1 },
      { value: 2017, count: 1 }
    ])
    const narrowed = (await app.inject('/v1/facts/facets?publishedYear=2017')).json()
    expect(narrowed.publishedYear).toEqual([{ value: 2017, count: 1 }])
  })

  test('the CSV export has a publishedYear column', async () => {
    const csv = (await app.inject('/v1/facts/export?format=csv&publishedYear=2014')).body
    const [header, row] = csv.trim().split('\r\n')
    const column = header!.split(',').indexOf('publishedYear')
    expect(column).toBeGreaterThan(0)
    expect(row!.startsWith('fx-2013-sex-prosecutions,')).toBe(true)
    // the cells before it hold no comma or quote in this fact
    expect(row!.split(',')[column]).toBe('2014')
  })
})

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { collectPages } from '../../../helpers/collect-pages.js'
import { expectedIds, fixture, toQuery, type OracleFilters } from '../../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const allIds = fixture.facts.map((e) => e.fact.id)

const single: [string, OracleFilters][] = [
  ['year', { year: [2013] }],
  ['year repeated (any of)', { year: [2011, 2017] }],
  ['yearFrom', { yearFrom: 2015 }],
  ['yearTo', { yearTo: 2010 }],
  ['category', { category: ['prevention'] }],
  ['category repeated', { category: ['assessment', 'victim-account'] }],
  ['form', { form: ['sex-trafficking'] }],
  ['form repeated', { form: ['organ-removal', 'forced-begging'] }],
  ['actor', { actor: ['fx-government'] }],
  ['actor repeated', { actor: ['fx-police', 'fx-gangs'] }],
  ['actorType', { actorType: 'law-enforcement' }],
  ['country', { country: 'IR' }],
  ['relatedCountry', { relatedCountry: ['KE'] }],
  ['relatedCountry repeated', { relatedCountry: ['SY', 'KE'] }],
  ['source', { source: 'fixture-unicode' }],
  ['unit', { unit: ['defendants'] }],
  ['unit repeated, with age bounds', { unit: ['years-of-age', 'victims'] }],
  ['flag', { flag: ['truncated-in-source'] }],
  ['flag repeated, conflicts-with by its slug', { flag: ['conflicts-with', 'subject-unclear'] }],
  ['excludeFlag', { excludeFlag: ['subject-unclear'] }],
  ['excludeFlag repeated (drops facts carrying any)', { excludeFlag: ['subject-unclear', 'truncated-in-source'] }],
  ['hasFigures=true', { hasFigures: true }],
  ['hasFigures=false', { hasFigures: false }]
]

const combined: [string, OracleFilters][] = [
  ['year + category', { year: [2013], category: ['prosecution'] }],
  ['year range + form', { yearFrom: 2010, yearTo: 2013, form: ['forced-labor', 'sex-trafficking'] }],
  ['actorType + hasFigures', { actorType: 'law-enforcement', hasFigures: true }],
  ['country + category + source', { country: 'RU', category: ['prevalence'], source: 'fixture-report' }],
  ['actor + year (no match)', { actor: ['fx-cis'], year: [2013] }],
  ['relatedCountry + country', { relatedCountry: ['NG'], country: 'RU' }],
  ['flag + excludeFlag', { flag: ['subject-unclear'], excludeFlag: ['truncated-in-source'] }],
  ['excludeFlag + hasFigures + year range', { excludeFlag: ['conflicts-with'], hasFigures: true, yearTo: 2015 }],
  ['unit + excludeFlag', { unit: ['people', 'victims'], excludeFlag: ['truncated-in-source'] }]
]

describe('GET /v1/facts filters', () => {
  test.each([...single, ...combined])('%s returns exactly the matching facts', async (_name, filters) => {
    const expected = expectedIds(filters)
    const { facts, total } = await collectPages(app, toQuery({ ...filters, limit: 7 }))
    expect(facts.map((f) => f.id).sort()).toEqual(expected)
    expect(total).toBe(expected.length)
  })

  test('the cases are selective: each single filter keeps some facts and drops others', () => {
    for (const [name, filters] of single) {
      const n = expectedIds(filters).length
      expect(n, name).toBeGreaterThan(0)
      expect(n, name).toBeLessThan(allIds.length)
    }
  })

  test('country is case-insensitive and echoed in capitals', async () => {
    const response = await app.inject('/v1/facts?country=ir')
    expect(response.statusCode).toBe(200)
    expect(response.json().query.country).toBe('IR')
    expect(response.json().data.map((f: { id: string }) => f.id)).toEqual(expectedIds({ country: 'IR' }))
  })

  test('query echoes the filters as understood, with the default sort', async () => {
    const response = await app.inject('/v1/facts?year=2013&category=prosecution&hasFigures=true&yearFrom=2000')
    expect(response.json().query).toEqual({
      year: [2013],
      category: ['prosecution'],
      hasFigures: true,
      yearFrom: 2000,
      sort: '-year'
    })
  })
})

describe('GET /v1/facts?q= full-text search', () => {
  const ids = async (q: string) => {
    const response = await app.inject(`/v1/facts?${toQuery({ q })}`)
    expect(response.statusCode, response.body).toBe(200)
    return response.json().data.map((f: { id: string }) => f.id) as string[]
  }

  test('matches words of the statement', async () => {
    expect(await ids('shielding')).toEqual(['fx-police-chief-sentence'])
  })

  test('matches words of the quotes', async () => {
    expect(await ids('brick factories')).toEqual(['fx-2013-raids'])
  })

  test('matches accented words with or without the accents', async () => {
    expect(await ids('Zürich')).toContain('fx-2017-unicode-moscow')
    expect(await ids('exploitees')).toEqual(['fx-2017-unicode-moscow'])
  })

  test('every word must match, and FTS syntax in q is taken as plain words', async () => {
    expect(await ids('deported nobody')).toEqual(['fx-deported-without-identification'])
    expect(await ids('"deported" OR NEAR(')).toEqual([])
  })

  test('defaults to relevance order and combines with filters', async () => {
    const response = await app.inject('/v1/facts?q=victims&year=2017')
    expect(response.json().query.sort).toBe('relevance')
    expect(response.json().data.map((f: { id: string }) => f.id).sort()).toEqual(['fx-2017-five-victims', 'fx-2017-unicode-moscow'])
  })
})

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { FACET_NAMES } from '../../../../src/schemas/fact-facets.js'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { fixture, matches, toQuery, type OracleFilters } from '../../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

interface Bucket {
  value: string | number | null
  label?: string
  count: number
}

function countBy(filters: OracleFilters, values: (fact: (typeof fixture.facts)[number]['fact']) => (string | number | null)[]) {
  const counts = new Map<string | number | null, number>()
  for (const entry of fixture.facts.filter((e) => matches(e, filters))) {
    for (const value of values(entry.fact)) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return counts
}

const asMap = (buckets: Bucket[]) => new Map(buckets.map((b) => [b.value, b.count]))

describe('GET /v1/facts/facets', () => {
  test.each<[string, OracleFilters]>([
    ['no filter', {}],
    ['year', { year: [2013] }],
    ['category + hasFigures', { category: ['prevalence'], hasFigures: true }],
    ['actorType', { actorType: 'law-enforcement' }],
    ['relatedCountry', { relatedCountry: ['NG'] }],
    ['unit', { unit: ['defendants', 'years-of-age'] }],
    ['flag + excludeFlag', { flag: ['subject-unclear'], excludeFlag: ['truncated-in-source'] }],
    ['excludeFlag', { excludeFlag: ['subject-unclear', 'conflicts-with'] }]
  ])('counts agree with the curated data and the list total (%s)', async (_name, filters) => {
    const query = toQuery(filters)
    const facets = (await app.inject(`/v1/facts/facets?${query}`)).json()
    const total = (await app.inject(`/v1/facts?${query}`)).json().page.total

    expect(asMap(facets.year)).toEqual(countBy(filters, (f) => [f.year]))
    expect(asMap(facets.category)).toEqual(countBy(filters, (f) => f.categories))
    expect(asMap(facets.form)).toEqual(countBy(filters, (f) => f.forms))
    expect(asMap(facets.actor)).toEqual(countBy(filters, (f) => f.actors))
    expect(asMap(facets.country)).toEqual(countBy(filters, (f) => [f.country]))
    expect(asMap(facets.relatedCountry)).toEqual(countBy(filters, (f) => f.relatedCountries.map((r) => r.code)))
    expect(asMap(facets.unit)).toEqual(countBy(filters, (f) => [...new Set(f.figures.map((x) => x.unit))]))
    expect(asMap(facets.flag)).toEqual(countBy(filters, (f) => [...new Set(f.flags.map((x) => x.split(':')[0]!))]))
    // single-valued facets partition the result; multi-valued ones cover it at least once
    const sum = (buckets: Bucket[]) => buckets.reduce((n, b) => n + b.count, 0)
    expect(sum(facets.year)).toBe(total)
    expect(sum(facets.country)).toBe(total)
    expect(sum(facets.category)).toBeGreaterThanOrEqual(total)
  })

  test('each list is ordered by count descending, then value', async () => {
    const facets = (await app.inject('/v1/facts/facets')).json()
    for (const name of ['year', 'category', 'form', 'actor', 'country']) {
      const list = facets[name] as Bucket[]
      expect(list.length, name).toBeGreaterThan(1)
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1]!, list[i]!]
        expect(a.count >= b.count, `${name} ${JSON.stringify([a, b])}`).toBe(true)
        if (a.count === b.count && a.value !== null && b.value !== null) expect(a.value < b.value, name).toBe(true)
      }
    }
  })

  test('labels name the term, the actor and the country', async () => {
    const facets = (await app.inject('/v1/facts/facets?country=IR')).json()
    expect(facets.country).toEqual([{ value: 'IR', label: 'Iran', count: 1 }])
    expect(facets.actor).toEqual([{ value: 'fx-foreign-officials', label: 'Fixture foreign officials', count: 1 }])
    expect(facets.form).toEqual([{ value: 'child-soldiering', label: 'Child soldiering', count: 1 }])
  })

  test('facetLimit keeps the most frequent values and names the facets it cut', async () => {
    const full = (await app.inject('/v1/facts/facets')).json()
    expect(full.truncated).toEqual([])
    const cut = (await app.inject('/v1/facts/facets?facetLimit=2')).json()
    for (const name of FACET_NAMES) {
      expect(cut[name], name).toEqual(full[name].slice(0, 2))
    }
    const longer = FACET_NAMES.filter((name) => full[name].length > 2)
    expect(longer.length).toBeGreaterThan(0)
    expect(cut.truncated).toEqual(longer)
    expect((await app.inject('/v1/facts/facets?facetLimit=0')).statusCode).toBe(400)
  })

  // a facet is named after the filter it counts: each listed value, sent as that filter, must
  // find exactly the facts it counted (what the explorer's facet links rely on)
  test.each(FACET_NAMES)('%s: each value, as its filter, finds as many facts as it counts', async (name) => {
    const facets = (await app.inject('/v1/facts/facets?facetLimit=1000')).json()
    const buckets = (facets[name] as Bucket[]).filter((b) => b.value !== null)
    expect(buckets.length, name).toBeGreaterThan(0)
    for (const { value, count } of buckets) {
      const page = (await app.inject(`/v1/facts?${new URLSearchParams({ [name]: String(value), limit: '1' })}`)).json()
      expect(page.page?.total, `${name}=${value}`).toBe(count)
    }
  })

  test('takes no paging parameters and validates filters like the list', async () => {
    expect((await app.inject('/v1/facts/facets?limit=5')).statusCode).toBe(400)
    expect((await app.inject('/v1/facts/facets?form=slavery')).json().errors[0].name).toBe('form')
  })
})

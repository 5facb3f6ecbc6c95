import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../../helpers/build-test-app.js'
import { expectedIds, fixture, toQuery } from '../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

type CuratedFact = (typeof fixture.facts)[number]['fact']
const count = (predicate: (f: CuratedFact) => boolean) => fixture.facts.filter((e) => predicate(e.fact)).length
const factCounts = {
  units: (slug: string) => count((f) => f.figures.some((x) => x.unit === slug)),
  flags: (slug: string) => count((f) => f.flags.some((x) => x === slug || x.startsWith(`${slug}:`)))
}

describe('/v1/units and /v1/flags', () => {
  test.each(['units', 'flags'] as const)('/v1/%s lists every term in curated order with its fact count', async (name) => {
    const response = await app.inject(`/v1/${name}`)
    expect(response.statusCode).toBe(200)
    expect(response.json().data).toEqual(fixture[name].map((t) => ({ ...t, factCount: factCounts[name](t.slug) })))
  })

  test('a unit no figure uses is listed with no facts, and a conflict counts under conflicts-with', async () => {
    expect((await app.inject('/v1/units/convictions')).json()).toMatchObject({ slug: 'convictions', factCount: 0 })
    expect((await app.inject('/v1/flags/conflicts-with')).json()).toMatchObject({ slug: 'conflicts-with', factCount: 2 })
  })

  test('/v1/units/{slug} and /v1/flags/{slug} answer 404 for an unknown slug, pointing at the list', async () => {
    const unit = await app.inject('/v1/units/conviction')
    expect(unit.statusCode).toBe(404)
    expect(unit.json().detail).toContain('/v1/units')
    expect((await app.inject('/v1/flags/conflicts-with:fx-slavery-estimate-million')).statusCode).toBe(404)
  })
})

describe('figures', () => {
  test('carry a unit slug and a kind: quantity unless the curated figure is an age bound', async () => {
    const sentence = (await app.inject('/v1/facts/fx-police-chief-sentence')).json()
    expect(sentence.figures).toEqual([{ value: 8, unit: 'years-of-imprisonment', qualifier: 'stated', kind: 'quantity', label: 'suspended sentence' }])
    const ages = (await app.inject('/v1/facts/fx-minors-age-range')).json()
    expect(ages.figures.map((f: { value: number; kind: string }) => [f.value, f.kind])).toEqual([[16, 'min-age'], [18, 'max-age']])
  })

  test('age bounds alone do not make a fact one with figures, but unit finds them', async () => {
    const withFigures = (await app.inject('/v1/facts?hasFigures=true&limit=100')).json().data.map((f: { id: string }) => f.id)
    expect(withFigures).not.toContain('fx-minors-age-range')
    const aged = (await app.inject('/v1/facts?unit=years-of-age')).json().data.map((f: { id: string }) => f.id)
    expect(aged).toEqual(['fx-minors-age-range'])
  })
})

describe('unit, flag and excludeFlag filters', () => {
  test('are echoed sorted and deduplicated', async () => {
    const response = await app.inject('/v1/facts?excludeFlag=truncated-in-source&excludeFlag=subject-unclear&excludeFlag=subject-unclear&unit=people&flag=conflicts-with')
    expect(response.json().query).toEqual({
      unit: ['people'],
      flag: ['conflicts-with'],
      excludeFlag: ['subject-unclear', 'truncated-in-source'],
      sort: '-year'
    })
  })

  test.each([
    ['unit', 'conviction', 'convictions'],
    ['flag', 'unclear', 'subject-unclear'],
    ['excludeFlag', 'conflicts-with:fx-slavery-estimate-million', 'conflicts-with']
  ])('an unknown %s is a 400 that lists the valid values', async (name, value, valid) => {
    const response = await app.inject(`/v1/facts?${toQuery({ [name]: value })}`)
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toEqual([{ in: 'query', name, message: expect.stringContaining(valid) }])
  })

  test('a journalist leaves out unclear and truncated facts in one parameter, in the export too', async () => {
    const filters = { excludeFlag: ['subject-unclear', 'truncated-in-source'] }
    const expected = expectedIds(filters)
    expect(expected.length).toBe(fixture.facts.length - 3)
    const ndjson = (await app.inject(`/v1/facts/export?format=ndjson&${toQuery(filters)}`)).body
    expect(ndjson.trim().split('\n').map((line) => JSON.parse(line).id).sort()).toEqual(expected)
    const csv = (await app.inject(`/v1/facts/export?${toQuery(filters)}`)).body
    expect(csv.trim().split('\r\n')).toHaveLength(expected.length + 1)
    const facets = (await app.inject(`/v1/facts/facets?${toQuery(filters)}`)).json()
    expect(facets.flag).toEqual([{ value: 'conflicts-with', label: 'Conflicts with another fact', count: 2 }])
  })
})

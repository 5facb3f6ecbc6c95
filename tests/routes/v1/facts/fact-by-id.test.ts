import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { fixture } from '../../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

test('GET /v1/facts/{id} returns the curated fact with resolved actors', async () => {
  const curated = fixture.facts.find((e) => e.fact.id === 'fx-police-chief-sentence')!.fact
  const response = await app.inject('/v1/facts/fx-police-chief-sentence')
  expect(response.statusCode).toBe(200)
  const { actors, evidence, places, subdivisions: _subdivisions, relatedCountries, publishedYear, ...fact } = response.json()
  const { actors: actorIds, evidence: curatedEvidence, places: curatedPlaces, relatedCountries: curatedRelated, ...expected } = curated
  expect(fact).toEqual(expected)
  // places and related countries are checked in detail in related-countries.test.ts
  expect(places).toEqual(curatedPlaces.map((p) => (typeof p === 'string' ? p : p.name)))
  expect(relatedCountries.map(({ code, role }: { code: string; role: string }) => ({ code, role }))).toEqual(curatedRelated)
  // derived from the evidence's origins (published-year.test.ts); this fact's spans have none
  expect(publishedYear).toBeNull()
  // each span's origin is checked against db/origins in fact-origins.test.ts
  expect(evidence.map(({ origin: _origin, ...span }: { origin: unknown }) => span)).toEqual(curatedEvidence)
  expect(actors).toEqual(
    actorIds.map((id) => {
      const actor = fixture.actors.find((a) => a.id === id)!
      return { id, name: actor.name, type: actor.type }
    })
  )
})

test('evidence offsets are UTF-16 code units: the source text slice equals the quote', async () => {
  const fact = (await app.inject('/v1/facts/fx-2017-unicode-moscow')).json()
  const [evidence] = fact.evidence
  // the source starts with non-ASCII text and an emoji flag (astral characters: two units each)
  expect(evidence.start).toBeGreaterThan([...'Übersicht 🇷🇺'].length)
  const slice = await app.inject(`/v1/sources/${evidence.sourceId}/text?start=${evidence.start}&end=${evidence.end}`)
  expect(slice.body).toBe(evidence.quote)
})

test('an unknown id is a 404 problem', async () => {
  const response = await app.inject('/v1/facts/no-such-fact')
  expect(response.statusCode).toBe(404)
  expect(response.json()).toMatchObject({ status: 404, title: 'Not found', instance: '/v1/facts/no-such-fact' })
  expect(response.json().detail).toContain('no-such-fact')
})

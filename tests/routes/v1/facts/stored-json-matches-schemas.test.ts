import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { factSchema } from '../../../../src/schemas/fact.js'
import { factPageSchema } from '../../../../src/schemas/fact-query.js'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { fixture } from '../../../helpers/fixture-oracle.js'

// Pages and facts are sent as JSON stored at build time, not through the response serializer:
// the bodies clients get must still be exactly what the zod schemas (and OpenAPI) promise.
let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

test.each(['/v1/facts?limit=100', '/v1/facts?q=deported&limit=3', '/v1/facts?sort=id&hasFigures=true&year=2013&year=2012'])(
  '%s parses as FactPage with no key to spare',
  async (url) => {
    const response = await app.inject(url)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    const body = response.json()
    expect(body.data.length).toBeGreaterThan(0)
    expect(factPageSchema.parse(body)).toEqual(body)
  }
)

test('every fact by id parses as Fact and keeps its curated relations in order', async () => {
  for (const { fact: curated } of fixture.facts) {
    const body = (await app.inject(`/v1/facts/${curated.id}`)).json()
    expect(factSchema.parse(body)).toEqual(body)
    expect(body.actors.map((a: { id: string }) => a.id)).toEqual(curated.actors)
    expect(body.evidence.map((e: { quote: string }) => e.quote)).toEqual(curated.evidence.map((e) => e.quote))
  }
})

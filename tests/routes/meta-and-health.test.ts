import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'
import { fixture } from '../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

test('/v1/meta reports the dataset version, content hash, build time, licence and counts', async () => {
  const meta = (await app.inject('/v1/meta')).json()
  expect(meta).toMatchObject({
    version: fixture.dataset.version,
    contentHash: fixture.contentHash,
    license: fixture.dataset.license,
    counts: {
      facts: fixture.facts.length,
      sources: fixture.sources.length,
      actors: fixture.actors.length,
      categories: fixture.categories.length,
      forms: fixture.forms.length
    }
  })
  expect(Date.parse(meta.builtAt)).not.toBeNaN()
})

test('/healthz and /readyz answer ok and are never cached', async () => {
  for (const url of ['/healthz', '/readyz']) {
    const response = await app.inject(url)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok' })
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers.etag).toBeUndefined()
  }
})

test('/readyz is a 503 problem once the database is closed', async () => {
  const other = await buildTestApp()
  other.db.close()
  const response = await other.inject('/readyz')
  expect(response.statusCode).toBe(503)
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  expect(response.json()).toMatchObject({ status: 503, detail: 'The database is not answering.' })
  await other.close()
})

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../../helpers/build-test-app.js'

// A replayed answer must be indistinguishable from a computed one, except in cost.
let cached: FastifyInstance
let uncached: FastifyInstance
beforeAll(async () => {
  cached = await buildTestApp()
  uncached = await buildTestApp({ RESPONSE_CACHE_MB: '0' })
})
afterAll(async () => {
  await cached.close()
  await uncached.close()
})

const URL = '/v1/facts?year=2013&category=prosecution&limit=1'
// what differs between any two answers: the time, and the id of each request
const stable = (headers: Record<string, unknown>) => {
  const { date: _date, 'x-request-id': _id, ...rest } = headers
  return rest
}

describe('response cache', () => {
  test('a replayed answer has the same status, headers and body as a computed one', async () => {
    const computed = await uncached.inject(URL)
    // a URL is kept the second time it is asked, and replayed from the third
    const first = await cached.inject(URL)
    await cached.inject(URL)
    const replayed = await cached.inject(URL)
    expect(computed.statusCode).toBe(200)
    expect(computed.headers.link).toMatch(/rel="next"/)
    for (const response of [first, replayed]) {
      expect(response.statusCode).toBe(200)
      expect(response.body).toBe(computed.body)
      expect(stable(response.headers)).toEqual(stable(computed.headers))
    }
  })

  test('a replayed answer honours If-None-Match with a 304', async () => {
    const { etag } = (await cached.inject(URL)).headers
    const revalidated = await cached.inject({ url: URL, headers: { 'if-none-match': String(etag) } })
    expect(revalidated.statusCode).toBe(304)
    expect(revalidated.body).toBe('')
    expect(revalidated.headers.etag).toBe(etag)
  })

  test('an Accept header that refuses JSON is still a 406 for a URL in the cache', async () => {
    await cached.inject(URL)
    const refused = await cached.inject({ url: URL, headers: { accept: 'text/html' } })
    expect(refused.statusCode).toBe(406)
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/)
  })

  test('facets and a fact by id replay identically too', async () => {
    for (const url of ['/v1/facts/facets?country=RU', '/v1/facts/fx-limited-efforts']) {
      const computed = await uncached.inject(url)
      await cached.inject(url)
      await cached.inject(url)
      const replayed = await cached.inject(url)
      expect(replayed.statusCode, url).toBe(200)
      expect(replayed.body, url).toBe(computed.body)
    }
  })

  test('a replayed answer still counts against the rate limit', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_MAX: '4' })
    try {
      const statuses: number[] = []
      for (let i = 0; i < 6; i++) {
        const response = await limited.inject({ url: URL, remoteAddress: '203.0.113.9' })
        statuses.push(response.statusCode)
        expect(response.headers['x-ratelimit-limit'], `request ${i + 1}`).toBe('4')
      }
      // kept on the second request, replayed from the third: the replays are limited too
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429])
    } finally {
      await limited.close()
    }
  })

  test('errors are never kept: a 400 stays a 400 and carries no ETag', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await cached.inject('/v1/facts?category=labour')
      expect(response.statusCode).toBe(400)
      expect(response.headers.etag).toBeUndefined()
    }
  })
})

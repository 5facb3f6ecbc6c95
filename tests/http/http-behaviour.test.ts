import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'
import { fixture } from '../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp({ CACHE_MAX_AGE: '120' })
})
afterAll(() => app.close())

const DATA_URLS = ['/v1/facts', '/v1/facts/facets', '/v1/facts/fx-2013-raids', '/v1/categories', '/v1/years', '/v1/sources', '/v1/meta', '/v1/facts/export']

describe('caching', () => {
  test.each(DATA_URLS)('%s carries the dataset ETag and a public Cache-Control', async (url) => {
    const response = await app.inject(url)
    expect(response.statusCode).toBe(200)
    expect(response.headers.etag).toMatch(new RegExp(`^W/".*-${fixture.dataset.version}-${fixture.contentHash.slice(0, 16)}"$`))
    expect(response.headers['cache-control']).toBe('public, max-age=120')
  })

  test('If-None-Match with the current ETag answers 304 with no body', async () => {
    const { etag } = (await app.inject('/v1/facts?year=2013')).headers
    const response = await app.inject({ url: '/v1/facts?year=2013', headers: { 'if-none-match': String(etag) } })
    expect(response.statusCode).toBe(304)
    expect(response.body).toBe('')
    const strong = String(etag).replace(/^W\//, '')
    expect((await app.inject({ url: '/v1/meta', headers: { 'if-none-match': `"other", ${strong}` } })).statusCode).toBe(304)
  })

  test('a stale ETag gets the full answer', async () => {
    const response = await app.inject({ url: '/v1/meta', headers: { 'if-none-match': 'W/"0.0.0-stale"' } })
    expect(response.statusCode).toBe(200)
  })

  test('errors are not cached and carry no ETag', async () => {
    const response = await app.inject('/v1/facts/nope')
    expect(response.headers.etag).toBeUndefined()
    expect(response.headers['cache-control']).toBe('no-store')
  })

  test('a conditional request for an invalid query still gets its 400', async () => {
    const { etag } = (await app.inject('/v1/meta')).headers
    const response = await app.inject({ url: '/v1/facts?year=x', headers: { 'if-none-match': String(etag) } })
    expect(response.statusCode).toBe(400)
  })
})

describe('headers', () => {
  test('CORS is open for GET and exposes the paging and caching headers', async () => {
    const response = await app.inject({ url: '/v1/facts', headers: { origin: 'https://newsroom.example' } })
    expect(response.headers['access-control-allow-origin']).toBe('*')
    expect(String(response.headers['access-control-expose-headers'])).toContain('Link')
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/v1/facts',
      headers: { origin: 'https://newsroom.example', 'access-control-request-method': 'GET' }
    })
    expect(preflight.statusCode).toBe(204)
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('GET')
  })

  test.each(['/v1/facts', '/v1/facts/nope', '/healthz'])('security headers on %s', async (url) => {
    const response = await app.inject(url)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'")
    expect(response.headers['referrer-policy']).toBe('no-referrer')
  })

  test.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync]
  ] as const)('compresses with %s when accepted', async (encoding, decompress) => {
    const plain = await app.inject('/v1/facts?limit=100')
    const response = await app.inject({ url: '/v1/facts?limit=100', headers: { 'accept-encoding': encoding } })
    expect(response.headers['content-encoding']).toBe(encoding)
    const body = decompress(response.rawPayload).toString('utf8')
    expect(body).toBe(plain.body)
    expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2)
  })

  test('HEAD answers like GET without a body', async () => {
    const response = await app.inject({ method: 'HEAD', url: '/v1/facts' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe('')
    expect(response.headers.etag).toBeDefined()
  })
})

describe('content negotiation', () => {
  test('Accept that allows no JSON is a 406 problem', async () => {
    const response = await app.inject({ url: '/v1/facts', headers: { accept: 'text/html' } })
    expect(response.statusCode).toBe(406)
    expect(response.json()).toMatchObject({ status: 406, title: 'Not acceptable' })
  })

  test.each(['application/json', '*/*', 'text/html, application/*;q=0.5'])('Accept %s is served', async (accept) => {
    expect((await app.inject({ url: '/v1/facts', headers: { accept } })).statusCode).toBe(200)
  })

  test('source text honours Accept text/plain', async () => {
    expect((await app.inject({ url: '/v1/sources/fixture-report/text', headers: { accept: 'text/plain' } })).statusCode).toBe(200)
    expect((await app.inject({ url: '/v1/sources/fixture-report/text', headers: { accept: 'application/json' } })).statusCode).toBe(406)
  })
})

describe('rate limiting', () => {
  test('answers 429 with Retry-After past RATE_LIMIT_MAX, and spares the health probes', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_MAX: '3' })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push((await limited.inject('/v1/years')).statusCode)
    expect(statuses).toEqual([200, 200, 200, 429])
    const response = await limited.inject('/v1/meta')
    expect(response.statusCode).toBe(429)
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect(response.json()).toMatchObject({ status: 429, title: 'Too many requests' })
    expect((await limited.inject('/readyz')).statusCode).toBe(200)
    await limited.close()
  })

  test('RATE_LIMIT_MAX=0 turns limiting off', async () => {
    for (let i = 0; i < 5; i++) expect((await app.inject('/v1/years')).headers['x-ratelimit-limit']).toBeUndefined()
  })
})

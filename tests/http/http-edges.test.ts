import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const ANY = { 'if-none-match': '*' }

function expectProblem(response: Awaited<ReturnType<FastifyInstance['inject']>>, status: number) {
  expect(response.statusCode).toBe(status)
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(response.headers['access-control-allow-origin']).toBe('*')
  expect(response.headers['content-security-policy']).toContain("default-src 'none'")
  expect(response.headers['cache-control']).toBe('no-store')
  expect(response.json().status).toBe(status)
}

describe('conditional requests run after the route decided the answer (RFC 9110 §13.1.2)', () => {
  test.each([
    ['a fact that does not exist', '/v1/facts/no-such-fact', 404],
    ['an unknown path', '/v1/nothing', 404],
    ['a value outside its vocabulary', '/v1/facts?category=labour', 400],
    ['a malformed parameter', '/v1/facts?limit=0', 400]
  ])('If-None-Match: * on %s keeps its %i', async (_what, url, status) => {
    expectProblem(await app.inject({ url, headers: ANY }), status)
  })

  test('the dataset ETag on a refused request keeps its 400', async () => {
    const { etag } = (await app.inject('/v1/meta')).headers
    expectProblem(await app.inject({ url: '/v1/facts?category=labour', headers: { 'if-none-match': String(etag) } }), 400)
  })

  test.each(['/v1/facts?year=2013', '/v1/facts/fx-2013-raids', '/v1/facts/export?format=ndjson'])(
    'a 304 for %s carries the ETag, Cache-Control and Vary of its 200, and no body',
    async (url) => {
      const full = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } })
      const revalidated = await app.inject({ url, headers: { ...ANY, 'accept-encoding': 'gzip' } })
      expect(full.statusCode).toBe(200)
      expect(revalidated.statusCode).toBe(304)
      expect(revalidated.body).toBe('')
      for (const header of ['etag', 'cache-control', 'vary']) expect(revalidated.headers[header], header).toBe(full.headers[header])
      expect(revalidated.headers['content-encoding']).toBeUndefined()
    }
  )
})

describe('methods', () => {
  test.each([
    ['POST', '/v1/facts'],
    ['DELETE', '/v1/facts/fx-2013-raids'],
    ['PUT', '/v1/categories/prosecution'],
    ['PATCH', '/v1/meta']
  ])('%s on a path that answers GET is 405 with Allow', async (method, url) => {
    const response = await app.inject({ method: method as 'POST', url })
    expectProblem(response, 405)
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS')
    expect(response.json().detail).toContain(method)
  })

  test('another method on a path that does not exist stays 404', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/v1/nothing' }), 404)
  })

  test('a bare OPTIONS, without preflight headers, is answered rather than refused', async () => {
    const response = await app.inject({ method: 'OPTIONS', url: '/v1/facts' })
    expect(response.statusCode).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe('*')
  })
})

describe('errors the router answers before a route are problem details too', () => {
  // the document's limit on ids, so that the router and the document agree
  const document = JSON.parse(readFileSync('openapi/openapi.json', 'utf8'))
  const idLimit: number = document.paths['/v1/facts/{id}'].get.parameters.find((p: { name: string }) => p.name === 'id').schema.maxLength

  test('an id as long as the document allows reaches the route (404), one longer is a 414', async () => {
    expectProblem(await app.inject(`/v1/facts/${'a'.repeat(idLimit)}`), 404)
    const tooLong = await app.inject(`/v1/facts/${'a'.repeat(idLimit + 1)}`)
    expectProblem(tooLong, 414)
    expect(tooLong.json().instance.length).toBeLessThanOrEqual(idLimit)
  })

  test('a malformed percent-escape in the path is a 400', async () => {
    const response = await app.inject('/v1/facts/%ZZ')
    expectProblem(response, 400)
    expect(response.json().detail).toContain('percent-escape')
  })
})

describe('query strings are read strictly', () => {
  test.each(['year=0x7DD', 'year=2e3', 'limit=1e1', 'year=+2013', 'limit=%2010', 'limit=10.0', 'limit=-1', 'facetLimit=0x10'])(
    '%s is a 400, not a number read loosely',
    async (query) => {
      const url = `/v1/facts${query.startsWith('facetLimit') ? '/facets' : ''}?${query}`
      const response = await app.inject(url)
      expectProblem(response, 400)
      expect(response.json().errors[0].name).toBe(query.split('=')[0])
    }
  )

  test('plain decimal numbers still work, leading zeros included', async () => {
    for (const url of ['/v1/facts?year=2013&limit=5', '/v1/facts?limit=05', '/v1/sources/fixture-report/text?start=0&end=10']) {
      expect((await app.inject(url)).statusCode, url).not.toBe(400)
    }
  })

  test.each(['q=%ZZ', 'q=abc%', 'q=%E2%82', 'category=%G0'])('a malformed escape in the query (%s) is a 400', async (query) => {
    const response = await app.inject(`/v1/facts?${query}`)
    expectProblem(response, 400)
    expect(response.json().errors).toEqual([{ in: 'query', name: query.split('=')[0], message: 'has a malformed percent-escape' }])
  })

  test.each(['limit=1&limit=2', 'sort=id&sort=year', 'q=a&q=b', 'cursor=x&cursor=y', 'yearFrom=2012&yearFrom=2013'])(
    'a single-valued parameter given twice (%s) says it may appear once',
    async (query) => {
      const response = await app.inject(`/v1/facts?${query}`)
      expectProblem(response, 400)
      expect(response.json().detail).toBe(`${query.split('=')[0]}: may appear only once`)
    }
  )

  test('a cursor stays valid when the same list values come in another order', async () => {
    const first = (await app.inject('/v1/facts?category=prosecution&category=protection&limit=1')).json()
    const cursor = encodeURIComponent(first.page.nextCursor)
    const forward = await app.inject(`/v1/facts?category=prosecution&category=protection&limit=1&cursor=${cursor}`)
    const swapped = await app.inject(`/v1/facts?category=protection&category=prosecution&limit=1&cursor=${cursor}`)
    expect(forward.statusCode).toBe(200)
    expect(swapped.statusCode).toBe(200)
    expect(swapped.json().data).toEqual(forward.json().data)
  })
})

describe('Vary and compression', () => {
  test('Accept selects a 200 or a 406: both say Vary: Accept', async () => {
    const ok = await app.inject('/v1/categories')
    const refused = await app.inject({ url: '/v1/categories', headers: { accept: 'text/html' } })
    expect(refused.statusCode).toBe(406)
    for (const response of [ok, refused]) expect(String(response.headers.vary)).toMatch(/\baccept\b/i)
  })

  test('every compressible 200 says Vary: Accept-Encoding, compressed or not', async () => {
    for (const url of ['/v1/facts?limit=1', '/v1/years', '/v1/facts/export']) {
      const plain = await app.inject({ url, headers: { 'accept-encoding': 'identity' } })
      expect(plain.statusCode, url).toBe(200)
      expect(String(plain.headers.vary), url).toMatch(/accept-encoding/i)
    }
  })

  test('the NDJSON export is compressed when the client accepts it, as CSV is', async () => {
    const response = await app.inject({ url: '/v1/facts/export?format=ndjson', headers: { 'accept-encoding': 'gzip' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-encoding']).toBe('gzip')
    const lines = gunzipSync(response.rawPayload).toString().trim().split('\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty('id')
  })
})

describe('problems never echo much of the input', () => {
  test('a query of 15 KB is refused without repeating it', async () => {
    const huge = 'a'.repeat(15_000)
    const response = await app.inject(`/v1/facts?${huge}=1&q=${huge}`)
    expectProblem(response, 400)
    expect(response.body.length).toBeLessThan(1_000)
    expect(response.json().instance).toBe('/v1/facts')
  })

  test('a long unknown path is named in part', async () => {
    const response = await app.inject(`/${'x'.repeat(10_000)}`)
    expectProblem(response, 404)
    expect(response.body.length).toBeLessThan(1_000)
  })
})

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'
import { buildLoggingApp, linesDuring, type LogLine } from '../helpers/captured-logs.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const FACT = '/v1/facts/fx-limited-efforts'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('X-Request-Id', () => {
  test('a well-formed id from the caller is kept and echoed', async () => {
    for (const id of ['abc', 'lb-7f3a:2026.11.28_01', '0af7651916cd43dd8448eb211c80319c', 'x'.repeat(128)]) {
      const response = await app.inject({ url: FACT, headers: { 'x-request-id': id } })
      expect(response.statusCode).toBe(200)
      expect(response.headers['x-request-id']).toBe(id)
    }
  })

  test('a missing or malformed id is replaced by a new UUID', async () => {
    const offered = [undefined, '', 'x'.repeat(129), 'has space', 'semi;colon', '<script>', 'ünïcode']
    const ids = new Set<string>()
    for (const id of offered) {
      const headers = id === undefined ? {} : { 'x-request-id': id }
      const echoed = (await app.inject({ url: FACT, headers })).headers['x-request-id']
      expect(echoed, String(id)).toMatch(UUID)
      ids.add(String(echoed))
    }
    expect(ids.size).toBe(offered.length)
  })

  test('every answer carries it: errors, router errors, 404, 406, 304, replays and CORS preflights', async () => {
    const { etag } = (await app.inject(FACT)).headers
    const requests = [
      { url: '/v1/facts?category=labour', status: 400 },
      { url: '/no/such/path', status: 404 },
      // answered by Fastify's router before any hook runs
      { url: '/v1/facts/%ZZ', status: 400 },
      { url: `/v1/facts/${'a'.repeat(250)}`, status: 414 },
      { url: '/v1/facts/no-such-fact', status: 404 },
      { url: FACT, headers: { accept: 'text/html' }, status: 406 },
      { url: FACT, headers: { 'if-none-match': String(etag) }, status: 304 },
      // a URL is kept the second time it is asked and replayed from the third
      { url: FACT, status: 200 },
      { url: FACT, status: 200 },
      { url: FACT, status: 200 },
      {
        url: FACT,
        method: 'OPTIONS' as const,
        headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
        status: 204
      }
    ]
    for (const [i, { status, headers, ...request }] of requests.entries()) {
      const id = `probe-${i}`
      const response = await app.inject({ ...request, headers: { ...headers, 'x-request-id': id } })
      expect(response.statusCode, request.url).toBe(status)
      expect(response.headers['x-request-id'], request.url).toBe(id)
    }
  })

  test('a 429 from the rate limit carries it', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_MAX: '1' })
    try {
      await limited.inject(FACT)
      const response = await limited.inject({ url: FACT, headers: { 'x-request-id': 'over-the-limit' } })
      expect(response.statusCode).toBe(429)
      expect(response.headers['x-request-id']).toBe('over-the-limit')
    } finally {
      await limited.close()
    }
  })

  test('browsers let cross-origin pages read it', async () => {
    const response = await app.inject({ url: FACT, headers: { origin: 'https://example.org' } })
    const exposed = String(response.headers['access-control-expose-headers']).toLowerCase().split(/,\s*/)
    expect(exposed).toContain('x-request-id')
  })
})

describe('request logs', () => {
  let logging: { app: FastifyInstance; lines: LogLine[] }
  beforeAll(async () => {
    logging = await buildLoggingApp('info')
  })
  afterAll(() => logging.app.close())

  test('every line of a request carries its id, under requestId', async () => {
    for (const url of [FACT, '/no/such/path', '/v1/facts?category=labour']) {
      let echoed: unknown
      const lines = await linesDuring(logging.lines, async () => {
        echoed = (await logging.app.inject({ url, headers: { 'x-request-id': 'trace-me' } })).headers['x-request-id']
      })
      expect(echoed).toBe('trace-me')
      expect(lines.map((l) => l.msg), url).toEqual(expect.arrayContaining(['incoming request', 'request completed']))
      for (const line of lines) expect(line.requestId, `${url}: ${line.msg}`).toBe('trace-me')
    }
  })

  test('a generated id is the one logged', async () => {
    let echoed: unknown
    const lines = await linesDuring(logging.lines, async () => {
      echoed = (await logging.app.inject(FACT)).headers['x-request-id']
    })
    expect(echoed).toMatch(UUID)
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line.requestId).toBe(echoed)
  })
})

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'

interface Sample {
  name: string
  labels: Record<string, string>
  value: number
}

// Prometheus text format, as far as these tests need: `name{a="x",b="y"} value` lines.
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name, labels = '', value] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)!
      return {
        name: name!,
        labels: Object.fromEntries([...labels.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!])),
        value: Number(value)
      }
    })
}

async function scrape(app: FastifyInstance): Promise<Sample[]> {
  const response = await app.inject('/metrics')
  expect(response.statusCode).toBe(200)
  return parse(response.body)
}

function value(samples: Sample[], name: string, labels: Record<string, string>): number {
  const matching = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
  return matching.reduce((sum, s) => sum + s.value, 0)
}

const requests = (samples: Sample[], route: string, status: string, method = 'GET') =>
  value(samples, 'http_requests_total', { route, method, status_code: status })

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('/metrics', () => {
  test('is Prometheus text, never cached', async () => {
    const response = await app.inject('/metrics')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.headers.etag).toBeUndefined()
    expect(response.body).toMatch(/^# HELP /m)
  })

  test('counts requests by route pattern, method and status', async () => {
    const before = await scrape(app)
    await app.inject('/v1/facts/fx-limited-efforts')
    await app.inject('/v1/facts/fx-limited-efforts')
    await app.inject('/v1/facts/no-such-fact')
    await app.inject({ method: 'HEAD', url: '/v1/facts/fx-limited-efforts' })
    await app.inject('/v1/facts?category=labour')
    const after = await scrape(app)
    const delta = (route: string, status: string, method?: string) =>
      requests(after, route, status, method) - requests(before, route, status, method)
    expect(delta('/v1/facts/:id', '200')).toBe(2)
    expect(delta('/v1/facts/:id', '404')).toBe(1)
    expect(delta('/v1/facts/:id', '200', 'HEAD')).toBe(1)
    expect(delta('/v1/facts', '400')).toBe(1)
    expect(after.some((s) => Object.values(s.labels).some((v) => v.includes('fx-limited-efforts')))).toBe(false)
  })

  test('unknown paths share one label instead of one per URL', async () => {
    const before = await scrape(app)
    for (let i = 0; i < 5; i++) await app.inject(`/probe-${i}/wp-admin.php`)
    const after = await scrape(app)
    expect(after.map((s) => s.labels.route).filter((route) => route?.includes('probe-'))).toEqual([])
    expect(requests(after, '(unmatched)', '404') - requests(before, '(unmatched)', '404')).toBe(5)
    const series = (samples: Sample[]) => samples.filter((s) => s.name === 'http_requests_total').length
    expect(series(after)).toBe(series(before) + (requests(before, '(unmatched)', '404') ? 0 : 1))
  })

  test('counts what the router rejects before any route', async () => {
    const before = await scrape(app)
    expect((await app.inject('/v1/facts/%ZZ')).statusCode).toBe(400)
    expect((await app.inject(`/v1/facts/${'a'.repeat(250)}`)).statusCode).toBe(414)
    const after = await scrape(app)
    for (const status of ['400', '414']) {
      expect(requests(after, '(unmatched)', status) - requests(before, '(unmatched)', status), status).toBe(1)
    }
  })

  test('counts answers replayed from the response cache and 304s', async () => {
    const url = '/v1/facts?year=2013&limit=2'
    const before = await scrape(app)
    // a URL is kept the second time it is asked and replayed from the third
    for (let i = 0; i < 4; i++) expect((await app.inject(url)).statusCode).toBe(200)
    const { etag } = (await app.inject(url)).headers
    expect((await app.inject({ url, headers: { 'if-none-match': String(etag) } })).statusCode).toBe(304)
    const after = await scrape(app)
    expect(requests(after, '/v1/facts', '200') - requests(before, '/v1/facts', '200')).toBe(5)
    expect(requests(after, '/v1/facts', '304') - requests(before, '/v1/facts', '304')).toBe(1)
  })

  test('has a latency histogram by route', async () => {
    const before = await scrape(app)
    await app.inject('/v1/meta')
    const after = await scrape(app)
    const labels = { route: '/v1/meta', method: 'GET' }
    const count = (samples: Sample[]) => value(samples, 'http_request_duration_seconds_count', labels)
    expect(count(after) - count(before)).toBe(1)
    const buckets = after.filter((s) => s.name === 'http_request_duration_seconds_bucket' && s.labels.route === '/v1/meta')
    expect(buckets.length).toBeGreaterThan(5)
    expect(buckets.find((s) => s.labels.le === '+Inf')?.value).toBe(count(after))
  })

  test('has the process metrics and event-loop lag', async () => {
    const names = new Set((await scrape(app)).map((s) => s.name))
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds']) {
      expect(names, name).toContain(name)
    }
  })

  test('names the dataset served', async () => {
    const meta = (await app.inject('/v1/meta')).json<{ version: string; contentHash: string }>()
    const info = (await scrape(app)).filter((s) => s.name === 'trafficking_facts_dataset_info')
    expect(info).toEqual([
      { name: 'trafficking_facts_dataset_info', labels: { version: meta.version, content_hash: meta.contentHash }, value: 1 }
    ])
  })

  test('each app counts its own requests', async () => {
    const other = await buildTestApp()
    try {
      await other.inject('/v1/meta')
      const samples = await scrape(other)
      expect(requests(samples, '/v1/meta', '200')).toBe(1)
    } finally {
      await other.close()
    }
  })

  test('is never rate limited', async () => {
    const limited = await buildTestApp({ RATE_LIMIT_MAX: '2' })
    try {
      for (let i = 0; i < 5; i++) expect((await limited.inject('/metrics')).statusCode).toBe(200)
      expect((await limited.inject('/v1/meta')).statusCode).toBe(200)
      expect((await limited.inject('/v1/meta')).statusCode).toBe(200)
      expect((await limited.inject('/v1/meta')).statusCode).toBe(429)
    } finally {
      await limited.close()
    }
  })

  test('answers while the process sheds load', async () => {
    const pressed = await buildTestApp({ MAX_HEAP_USED_MB: '1' })
    try {
      // under-pressure samples once a second
      const deadline = Date.now() + 3_000
      while ((await pressed.inject('/readyz')).statusCode !== 503 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect((await pressed.inject('/v1/meta')).statusCode).toBe(503)
      const scraped = await pressed.inject('/metrics')
      expect(scraped.statusCode).toBe(200)
      expect(parse(scraped.body).find((s) => s.labels.route === '/v1/meta' && s.labels.status_code === '503')?.value).toBe(1)
    } finally {
      await pressed.close()
    }
  })

  test('is not in the OpenAPI document', async () => {
    const document = (await app.inject('/openapi.json')).json<{ paths: Record<string, unknown> }>()
    expect(Object.keys(document.paths)).not.toContain('/metrics')
    expect(Object.keys(document.paths)).toContain('/v1/facts/{id}')
  })
})

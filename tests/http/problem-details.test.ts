import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const PROBLEM_KEYS = ['detail', 'instance', 'status', 'title', 'type']

// One error shape for every failure, as Datasette keeps one; checked here across the API.
// The last column is what `detail` must name, so that a client can tell what to fix.
const failures: [string, string, number, string][] = [
  ['unknown category', '/v1/facts?category=labour', 400, 'labour'],
  ['unknown form', '/v1/facts/facets?form=slavery', 400, 'slavery'],
  ['unknown actor', '/v1/facts?actor=nobody', 400, 'nobody'],
  ['unknown actorType', '/v1/facts?actorType=police', 400, 'police'],
  ['unknown source', '/v1/facts/export?source=nope', 400, 'nope'],
  ['unknown country code', '/v1/facts?country=XX', 400, 'XX'],
  ['malformed country', '/v1/facts?country=Russia', 400, 'country'],
  ['year not a number', '/v1/facts?year=twenty', 400, 'year'],
  ['year out of range', '/v1/facts?year=99999', 400, 'year'],
  ['yearFrom after yearTo', '/v1/facts?yearFrom=2014&yearTo=2012', 400, 'yearFrom'],
  ['hasFigures not a boolean', '/v1/facts?hasFigures=yes', 400, 'hasFigures'],
  ['q without words', '/v1/facts?q=%22%22*', 400, 'q'],
  ['unknown parameter', '/v1/facts?yaer=2013', 400, 'yaer'],
  ['parameter on an endpoint that takes none', '/v1/categories?lang=fr', 400, 'lang'],
  ['repeated single-valued parameter', '/v1/facts?country=RU&country=IR', 400, 'country: may appear only once'],
  ['unknown fact', '/v1/facts/nope', 404, 'nope'],
  ['unknown category slug', '/v1/categories/nope', 404, 'nope'],
  ['unknown route', '/v2/facts', 404, '/v2/facts'],
  ['unsupported method', '/v1/facts', 405, 'DELETE'],
  ['unsupported method on an unknown path', '/v1/nothing', 404, '/v1/nothing']
]

describe('problem details', () => {
  test.each(failures)('%s → %i application/problem+json', async (_name, url, status, named) => {
    const method = _name.startsWith('unsupported method') ? 'DELETE' : 'GET'
    const response = await app.inject({ method, url })
    expect(response.statusCode).toBe(status)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    const body = response.json()
    expect(Object.keys(body).filter((k) => k !== 'errors').sort()).toEqual(PROBLEM_KEYS)
    expect(body.status).toBe(status)
    expect(body.instance).toBe(url)
    // statuses without a problem type of their own (405) are about:blank (RFC 9457 §4.2.1)
    expect(body.type).toMatch(status === 405 ? /^about:blank$/ : /^\/problems\/[a-z-]+$/)
    expect(body.detail).toContain(named)
    if (status === 400) {
      expect(body.errors.length).toBeGreaterThan(0)
      for (const e of body.errors) expect(Object.keys(e).sort()).toEqual(['in', 'message', 'name'])
    }
    expect(response.body).not.toMatch(/SELECT|sqlite|node_modules|\/work\/|\.ts:\d+|at .+\(/i)
  })

  test('a 400 names every bad parameter at once', async () => {
    const body = (await app.inject('/v1/facts?category=x&form=y&limit=0')).json()
    const names = body.errors.map((e: { name: string }) => e.name)
    expect(names).toContain('limit')
    const vocab = (await app.inject('/v1/facts?category=x&form=y')).json()
    expect(vocab.errors.map((e: { name: string }) => e.name)).toEqual(['category', 'form'])
    expect(vocab.errors[0].message).toContain('prosecution')
  })

  test('a 400 lists each fault once and only the first few: many bad parameters never make a long answer', async () => {
    const unknown = Array.from({ length: 800 }, (_, i) => `zz${i}=1`).join('&')
    const tooLong = Array.from({ length: 50 }, () => `category=${'c'.repeat(120)}`).join('&')
    const fields = `fields=${Array.from({ length: 50 }, (_, i) => `f${i}`.repeat(60)).join(',')}`
    for (const query of [unknown, tooLong, fields]) {
      const response = await app.inject(`/v1/facts?${query}`)
      expect(response.statusCode).toBe(400)
      expect(response.body.length, query.slice(0, 40)).toBeLessThan(4096)
      const errors = response.json().errors as { in: string; name: string; message: string }[]
      expect(new Set(errors.map((e) => JSON.stringify(e))).size).toBe(errors.length)
    }
    const first = (await app.inject(`/v1/facts?${unknown}`)).json()
    expect(first.errors[0]).toEqual({ in: 'query', name: 'zz0', message: 'is not a parameter of this endpoint' })
    expect(first.detail).toMatch(/and 795 more$/)
  })

  test('an unknown actor points at the actor list rather than listing every actor', async () => {
    const body = (await app.inject('/v1/facts?actor=nobody')).json()
    expect(body.errors[0].message).toContain('/v1/actors')
  })

  test('problem types are documented where they point', async () => {
    const body = (await app.inject('/v1/facts?category=labour')).json()
    const doc = await app.inject(body.type)
    expect(doc.statusCode).toBe(200)
    expect(doc.json()).toMatchObject({ type: body.type, status: 400, title: body.title })
  })

  test('a failure inside a handler is a bare 500 problem: no message, stack or SQL', async () => {
    const failing = await buildTestApp()
    failing.db.close()
    const response = await failing.inject('/v1/facts')
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({
      type: '/problems/server-error',
      title: 'Internal server error',
      status: 500,
      detail: 'The server failed to handle this request.',
      instance: '/v1/facts'
    })
    await failing.close()
  })
})

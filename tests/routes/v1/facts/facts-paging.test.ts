import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { collectPages } from '../../../helpers/collect-pages.js'
import { fixture } from '../../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const allIds = fixture.facts.map((e) => e.fact.id).sort()

describe('GET /v1/facts paging', () => {
  test.each([1, 2, 5, 26])('limit=%i walks every fact exactly once', async (limit) => {
    const { pages, facts, total } = await collectPages(app, `limit=${limit}`)
    const ids = facts.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(allIds)
    expect(total).toBe(allIds.length)
    expect(pages).toHaveLength(Math.ceil(allIds.length / limit))
    for (const page of pages.slice(0, -1)) expect(page.data).toHaveLength(limit)
  })

  test('exactly one page: limit equal to the total gives no next cursor', async () => {
    const { pages } = await collectPages(app, `limit=${allIds.length}`)
    expect(pages).toHaveLength(1)
    expect(pages[0]?.page.nextCursor).toBeNull()
  })

  test('an empty result is one empty page', async () => {
    const response = await app.inject('/v1/facts?year=1999')
    expect(response.statusCode).toBe(200)
    expect(response.json().data).toEqual([])
    expect(response.json().page).toEqual({ limit: 20, total: 0, nextCursor: null })
    expect(response.headers.link).toBeUndefined()
  })

  test('filters stay applied across pages', async () => {
    const { facts } = await collectPages(app, 'category=prosecution&limit=2')
    const expected = fixture.facts.filter((e) => e.fact.categories.includes('prosecution')).map((e) => e.fact.id)
    expect(facts.map((f) => f.id).sort()).toEqual(expected.sort())
  })

  test('limit out of range is a 400', async () => {
    for (const limit of ['0', '101', 'ten']) {
      const response = await app.inject(`/v1/facts?limit=${limit}`)
      expect(response.statusCode).toBe(400)
      expect(response.json().errors[0].name).toBe('limit')
    }
  })
})

describe('GET /v1/facts sorting', () => {
  /** Years in the given direction, facts without a year after all others, ties broken by id. */
  function expectYearOrder(facts: { id: string; year: number | null }[], direction: 1 | -1) {
    expect(facts).toHaveLength(allIds.length)
    const firstNull = facts.findIndex((f) => f.year === null)
    expect(firstNull).toBeGreaterThan(0)
    expect(facts.slice(firstNull).every((f) => f.year === null)).toBe(true)
    for (let i = 1; i < facts.length; i++) {
      const [a, b] = [facts[i - 1]!, facts[i]!]
      if (a.year === b.year) expect(a.id < b.id, `${a.id} before ${b.id}`).toBe(true)
      else if (b.year !== null) expect(Math.sign(b.year - a.year!), `${a.id} before ${b.id}`).toBe(direction)
    }
  }

  test('default -year: newest first, facts without a year last, ties by id', async () => {
    expectYearOrder((await collectPages(app, 'limit=4')).facts, -1)
  })

  test('year: oldest first, facts without a year still last, ties by id', async () => {
    expectYearOrder((await collectPages(app, 'sort=year&limit=3')).facts, 1)
  })

  test('id: alphabetical', async () => {
    const { facts } = await collectPages(app, 'sort=id&limit=6')
    expect(facts.map((f) => f.id)).toEqual(allIds)
  })

  test('relevance pages through search results without repeats', async () => {
    const one = await collectPages(app, 'q=victims&limit=100')
    const paged = await collectPages(app, 'q=victims&limit=1')
    expect(one.facts.length).toBeGreaterThan(2)
    expect(paged.facts.map((f) => f.id)).toEqual(one.facts.map((f) => f.id))
  })

  test('sort=relevance without q is a 400', async () => {
    const response = await app.inject('/v1/facts?sort=relevance')
    expect(response.statusCode).toBe(400)
    expect(response.json().errors).toEqual([expect.objectContaining({ name: 'sort' })])
  })
})

describe('GET /v1/facts cursors', () => {
  const firstCursor = async (query: string) => (await app.inject(`/v1/facts?${query}`)).json().page.nextCursor as string

  test('a cursor used with other filters is refused', async () => {
    const cursor = await firstCursor('limit=2&category=prosecution')
    const response = await app.inject(`/v1/facts?limit=2&category=prevention&cursor=${cursor}`)
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0]).toMatchObject({ in: 'query', name: 'cursor' })
  })

  test('a cursor used with another sort is refused', async () => {
    const cursor = await firstCursor('limit=2&sort=id')
    expect((await app.inject(`/v1/facts?limit=2&sort=year&cursor=${cursor}`)).statusCode).toBe(400)
  })

  test('a cursor stays valid when the same list values come in another order or repeated', async () => {
    const cursor = await firstCursor('limit=2&category=prosecution&category=prevention')
    const reordered = await app.inject(`/v1/facts?limit=2&category=prevention&category=prosecution&category=prevention&cursor=${cursor}`)
    expect(reordered.statusCode, reordered.body).toBe(200)
    const same = await app.inject(`/v1/facts?limit=2&category=prosecution&category=prevention&cursor=${cursor}`)
    expect(reordered.json().data).toEqual(same.json().data)
  })

  test('a cursor may change the page size', async () => {
    const cursor = await firstCursor('limit=2&sort=id')
    const response = await app.inject(`/v1/facts?limit=3&sort=id&cursor=${cursor}`)
    expect(response.json().data.map((f: { id: string }) => f.id)).toEqual(allIds.slice(2, 5))
  })

  test.each(['garbage', 'eyJ4IjoxfQ', '%00%01'])('a malformed cursor (%s) is a 400, not a 500', async (cursor) => {
    const response = await app.inject(`/v1/facts?cursor=${cursor}`)
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  })
})

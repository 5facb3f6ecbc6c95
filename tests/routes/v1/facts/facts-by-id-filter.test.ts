import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { collectPages } from '../../../helpers/collect-pages.js'
import { expectedIds, fixture, toQuery } from '../../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const ids = fixture.facts.map((e) => e.fact.id)

test('several facts by id in one request, in the list envelope, echoed sorted', async () => {
  const wanted = [ids[5]!, ids[0]!, ids[11]!]
  const response = await app.inject(`/v1/facts?${toQuery({ id: wanted })}`)
  expect(response.statusCode, response.body).toBe(200)
  const body = response.json()
  expect(body.data.map((f: { id: string }) => f.id).sort()).toEqual([...wanted].sort())
  expect(body.page.total).toBe(3)
  expect(body.query.id).toEqual([...wanted].sort())
})

test('ids no fact has are simply not matched', async () => {
  const response = await app.inject(`/v1/facts?${toQuery({ id: [ids[2]!, 'no-such-fact'] })}`)
  expect(response.statusCode).toBe(200)
  expect(response.json().data.map((f: { id: string }) => f.id)).toEqual([ids[2]])
  const none = await app.inject('/v1/facts?id=no-such-fact')
  expect(none.json()).toMatchObject({ data: [], page: { total: 0, nextCursor: null } })
})

test('combines with the other filters (AND) and pages like any filter', async () => {
  const filters = { id: ids.slice(0, 20), year: [2013] }
  const expected = expectedIds(filters)
  expect(expected.length).toBeGreaterThan(0)
  expect(expected.length).toBeLessThan(20)
  const { facts, total } = await collectPages(app, toQuery({ ...filters, limit: 2 }))
  expect(facts.map((f) => f.id).sort()).toEqual(expected)
  expect(total).toBe(expected.length)
})

test('facets and the export take it too', async () => {
  const wanted = ids.slice(0, 4)
  const facets = await app.inject(`/v1/facts/facets?${toQuery({ id: wanted })}`)
  const years = facets.json().year as { count: number }[]
  expect(years.reduce((sum, y) => sum + y.count, 0)).toBe(4)
  const exported = await app.inject(`/v1/facts/export?format=ndjson&${toQuery({ id: wanted })}`)
  expect(exported.body.trim().split('\n').map((line) => JSON.parse(line).id).sort()).toEqual([...wanted].sort())
})

test('a malformed id is a 400 naming the parameter; more than 100 ids too', async () => {
  for (const bad of ['Not_A_Slug', 'a--b', '-a', 'a'.repeat(201)]) {
    const response = await app.inject(`/v1/facts?id=${encodeURIComponent(bad)}`)
    expect(response.statusCode, bad).toBe(400)
    expect(response.json().errors[0].name).toBe('id')
  }
  const many = Array.from({ length: 101 }, (_, i) => `fact-${i}`)
  const response = await app.inject(`/v1/facts?${toQuery({ id: many })}`)
  expect(response.statusCode).toBe(400)
  expect(response.json().errors[0].name).toBe('id')
  expect((await app.inject(`/v1/facts?${toQuery({ id: many.slice(0, 100) })}`)).statusCode).toBe(200)
})

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { factJson } from '../../../../src/database/fact-json.js'
import { FACT_FIELDS } from '../../../../src/schemas/fact-fields.js'
import { factSchema } from '../../../../src/schemas/fact.js'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { collectPages } from '../../../helpers/collect-pages.js'
import { fixture } from '../../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const get = async (url: string) => {
  const response = await app.inject(url)
  expect(response.statusCode, response.body).toBe(200)
  return response
}
const whole = async () => (await get('/v1/facts?limit=100')).json().data as Record<string, unknown>[]
const pick = (fact: Record<string, unknown>, names: string[]) => Object.fromEntries(names.map((n) => [n, fact[n]]))

test('the stored JSON is what JSON.stringify writes, and its members are found where stored', async () => {
  for (const fact of await whole()) {
    const { json } = factJson(factSchema.parse(fact))
    expect(json).toBe(JSON.stringify(fact))
  }
})

test('a page with fields holds exactly those fields of each fact, id first, and echoes them in fact order', async () => {
  const full = await whole()
  const response = await get('/v1/facts?limit=100&fields=year,statement')
  const body = response.json()
  expect(body.query.fields).toEqual(['id', 'statement', 'year'])
  expect(body.data).toEqual(full.map((f) => pick(f, ['id', 'statement', 'year'])))
  expect(Object.keys(body.data[0])).toEqual(['id', 'statement', 'year'])
  expect(response.body.length * 5).toBeLessThan((await get('/v1/facts?limit=100')).body.length)
})

test('comma-separated and repeated spellings, duplicates and `id` itself are the same request', async () => {
  const expected = (await get('/v1/facts?fields=country,evidence')).json()
  for (const url of ['/v1/facts?fields=country&fields=evidence', '/v1/facts?fields=evidence,country,id', '/v1/facts?fields=evidence&fields=country,country']) {
    expect((await get(url)).json()).toEqual(expected)
  }
})

test('every field alone, and all of them, come out as in the whole fact', async () => {
  const full = await whole()
  for (const name of FACT_FIELDS) {
    const data = (await get(`/v1/facts?limit=100&fields=${name}`)).json().data
    expect(data, name).toEqual(full.map((f) => pick(f, name === 'id' ? ['id'] : ['id', name])))
  }
  expect((await get(`/v1/facts?limit=100&fields=${FACT_FIELDS.join(',')}`)).json().data).toEqual(full)
})

test('fields and cursors: following the pages meets every fact once, with the fields only', async () => {
  const { facts } = await collectPages(app, 'limit=3&fields=statement')
  expect(facts).toHaveLength(fixture.facts.length)
  for (const fact of facts) expect(Object.keys(fact)).toEqual(['id', 'statement'])
})

test('one fact with fields', async () => {
  const id = fixture.facts[0]!.fact.id
  const full = (await get(`/v1/facts/${id}`)).json()
  expect((await get(`/v1/facts/${id}?fields=figures,note`)).json()).toEqual(pick(full, ['id', 'figures', 'note']))
  expect((await app.inject(`/v1/facts/${id}?fields=nope`)).statusCode).toBe(400)
})

test('an unknown field is a 400 naming it and listing the valid ones', async () => {
  for (const url of ['/v1/facts?fields=statement,titel', '/v1/facts?fields=titel', '/v1/facts?fields=', '/v1/facts/export?fields=titel']) {
    const response = await app.inject(url)
    expect(response.statusCode, url).toBe(400)
    const problem = response.json()
    expect(problem.errors[0].name).toBe('fields')
    if (url.includes('titel')) expect(problem.detail).toContain('"titel"')
    for (const name of FACT_FIELDS) expect(problem.detail).toContain(name)
  }
})

test('an unknown field is echoed shortened, never kilobytes of the query', async () => {
  const long = 'é'.repeat(3000)
  for (const url of [`/v1/facts?fields=${encodeURIComponent(long)}`, `/v1/facts/x?fields=${encodeURIComponent(long)}`]) {
    const response = await app.inject(url)
    expect(response.statusCode, url).toBe(400)
    const problem = response.json()
    expect(problem.detail).toContain(`"${'é'.repeat(100)}…"`)
    expect(response.body.length).toBeLessThan(1000)
  }
})

test('the export: NDJSON objects with the fields, CSV with their columns (origins come with evidence)', async () => {
  const full = await whole()
  const ndjson = await get('/v1/facts/export?format=ndjson&sort=-year&fields=statement,year')
  const lines = ndjson.body.trim().split('\n').map((line) => JSON.parse(line))
  expect(lines).toEqual(full.map((f) => pick(f, ['id', 'statement', 'year'])))
  const csv = await get('/v1/facts/export?fields=year,statement')
  expect(csv.body.split('\r\n')[0]).toBe('id,statement,year')
  expect(csv.body.split('\r\n')[1]!.split(',')[0]).toBe(full[0]!.id)
  const withEvidence = await get('/v1/facts/export?fields=evidence')
  expect(withEvidence.body.split('\r\n')[0]).toBe('id,evidence,originPublisher,originTitle,originYear,originUrl')
})

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { writeSyntheticData } from '../../bench/synthetic-data.js'
import { buildDatabase } from '../../src/database/build-database.js'
import { buildTestApp } from '../helpers/build-test-app.js'
import { toQuery } from '../helpers/fixture-oracle.js'
import { facetCounts, matcher, ORDERS, randomFilterSets, readSyntheticFacts, type SyntheticFact } from './synthetic-oracle.js'

// At 20,000 facts the posting lists take every shape the index has (lists, bitsets and runs
// within a 65,536-position block, several blocks), which the 28 fixture facts never reach: the
// API's totals, pages and facet counts must equal a plain recomputation from the synthetic input.
const FACTS = 20_000
const dir = mkdtempSync(join(tmpdir(), 'facts-oracle-'))
let app: FastifyInstance
let facts: SyntheticFact[]
let actorTypes: Map<string, string>

beforeAll(async () => {
  writeSyntheticData(join(dir, 'db'), FACTS)
  buildDatabase({ dataDir: join(dir, 'db'), migrationsDir: 'migrations', outputPath: join(dir, 'facts.sqlite') })
  ;({ facts, actorTypes } = readSyntheticFacts(join(dir, 'db')))
  app = await buildTestApp({ DATABASE_PATH: join(dir, 'facts.sqlite'), DATA_DIR: join(dir, 'db'), RESPONSE_CACHE_MB: '0' })
}, 120_000)
afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
})

const get = async (url: string) => {
  const response = await app.inject({ url })
  if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`)
  return response.json()
}

describe(`${FACTS.toLocaleString('en')} synthetic facts against a recomputation from the input`, () => {
  test('totals and the first two pages of 200 random filter sets, in every order', async () => {
    const sorts = Object.keys(ORDERS) as (keyof typeof ORDERS)[]
    const mismatches: unknown[] = []
    let nonEmpty = 0
    for (const [i, filters] of randomFilterSets(200, 17, actorTypes).entries()) {
      const sort = sorts[i % sorts.length]!
      const limit = [1, 7, 20, 100][i % 4]!
      const expected = facts.filter(matcher(actorTypes, filters)).sort(ORDERS[sort]).map((f) => f.id)
      if (expected.length > 0) nonEmpty++
      const url = `/v1/facts?${toQuery({ ...filters, sort, limit })}`
      const first = await get(url)
      const ids = first.data.map((f: { id: string }) => f.id)
      const second = first.page.nextCursor ? await get(`${url}&cursor=${first.page.nextCursor}`) : { data: [] }
      const next = second.data.map((f: { id: string }) => f.id)
      if (first.page.total !== expected.length || !same(ids, expected.slice(0, limit)) || !same(next, expected.slice(limit, 2 * limit))) {
        mismatches.push({ url, total: [first.page.total, expected.length], first: [ids, expected.slice(0, limit)], second: [next, expected.slice(limit, 2 * limit)] })
      }
    }
    expect(mismatches).toEqual([])
    // the draw must mostly find facts, or agreeing on empty answers would prove little
    expect(nonEmpty).toBeGreaterThan(130)
  })

  test('every facet count of 100 random filter sets', async () => {
    const mismatches: unknown[] = []
    for (const filters of randomFilterSets(100, 29, actorTypes)) {
      const url = `/v1/facts/facets?${toQuery({ ...filters, facetLimit: 1000 })}`
      const body = await get(url)
      const expected = facetCounts(facts.filter(matcher(actorTypes, filters)))
      for (const [facet, counts] of Object.entries(expected)) {
        const got = new Map((body[facet] as { value: string | number | null; count: number }[]).map((b) => [b.value, b.count]))
        if (!sameMap(got, counts)) mismatches.push({ url, facet, got: [...got], expected: [...counts] })
      }
    }
    expect(mismatches).toEqual([])
  })

  test('with the default facetLimit, the 50 most frequent actors and `truncated`', async () => {
    const mismatches: unknown[] = []
    for (const filters of randomFilterSets(40, 31, actorTypes)) {
      const body = await get(`/v1/facts/facets?${toQuery(filters)}`)
      const counts = facetCounts(facts.filter(matcher(actorTypes, filters))).actor ?? new Map()
      const top = [...counts].sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1)).slice(0, 50)
      const got = (body.actor as { value: string; count: number }[]).map((b) => [b.value, b.count])
      if (!same(got.flat(), top.flat()) || body.truncated.includes('actor') !== counts.size > 50) mismatches.push({ filters, got, top })
    }
    expect(mismatches).toEqual([])
  })
})

const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => x === b[i])
const sameMap = (a: Map<unknown, number>, b: Map<unknown, number>) => a.size === b.size && [...b].every(([k, v]) => a.get(k) === v)

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { curationFailure } from '../../../helpers/curation-failure.js'
import { fixture } from '../../../helpers/fixture-oracle.js'
import { FIXTURE_DATA_DIR } from '../../../helpers/paths.js'

interface OriginEntry {
  start: number
  end: number
  origin: { title: string | null; publisher: string | null; year: number | null; url: string | null; section: string | null } | null
}

// the fixture's origins file, read independently of the build
const entries = parse(readFileSync(join(FIXTURE_DATA_DIR, 'origins', 'fixture-report.yaml'), 'utf8')) as OriginEntry[]
const originOf = (start: number, end: number) => entries.find((e) => e.start === start && e.end === end)?.origin ?? null
const withOrigin = fixture.facts.find((f) => f.fact.evidence.some((e) => originOf(e.start, e.end)?.year))!.fact
const withoutOrigin = fixture.facts.find((f) => f.fact.evidence.every((e) => originOf(e.start, e.end) === null))!.fact

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

describe('evidence[].origin', () => {
  test('each evidence span carries the origin recorded for it, or null', async () => {
    for (const curated of [withOrigin, withoutOrigin]) {
      const fact = (await app.inject(`/v1/facts/${curated.id}`)).json()
      expect(fact.evidence.map((e: { origin: unknown }) => e.origin)).toEqual(curated.evidence.map((e) => originOf(e.start, e.end)))
    }
  })

  test('the CSV export has the origin columns, aligned', async () => {
    const csv = (await app.inject(`/v1/facts/export?format=csv&source=fixture-report`)).body
    const [header, ...rows] = csv.trim().split('\r\n')
    const columns = header!.split(',')
    expect(columns.slice(-4)).toEqual(['originPublisher', 'originTitle', 'originYear', 'originUrl'])
    const origin = originOf(withOrigin.evidence[0]!.start, withOrigin.evidence[0]!.end)!
    const row = rows.find((r) => r.startsWith(`${withOrigin.id},`))!
    expect(row.endsWith(`,${origin.publisher},${origin.title},${origin.year},${origin.url}`)).toBe(true)
  })

  test('an origins entry that breaks its schema fails the build, naming the file', () => {
    const message = curationFailure('origins/fixture-report.yaml', (text) => text.replace('year: 2014', 'year: "last year"'))
    expect(message).toMatch(/origins\/fixture-report\.yaml.*origin\.year/)
  })
})

describe('GET /v1/facts/{id}/citation', () => {
  test('lists the fact in this dataset, the source collection and each original document, in CSL-JSON', async () => {
    const response = await app.inject(`/v1/facts/${withOrigin.id}/citation`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/vnd.citationstyles.csl+json; charset=utf-8')
    const [self, collection, ...originals] = response.json()
    expect(self).toMatchObject({ id: withOrigin.id, type: 'dataset', version: fixture.dataset.version })
    expect(self.URL).toMatch(new RegExp(`/v1/facts/${withOrigin.id}$`))
    const source = fixture.sources.find((s) => s.metadata.id === 'fixture-report')!.metadata
    expect(collection).toMatchObject({ id: source.id, type: 'document', title: source.title })
    expect(collection.accessed).toEqual({ 'date-parts': [source.retrievedAt.split('-').map(Number)] })
    const origin = originOf(withOrigin.evidence[0]!.start, withOrigin.evidence[0]!.end)!
    expect(originals).toEqual([
      { id: `${withOrigin.id}-origin-1`, type: 'webpage', title: origin.title, publisher: origin.publisher, issued: { 'date-parts': [[origin.year]] }, URL: origin.url, note: `Section: ${origin.section}.` }
    ])
  })

  test('a fact whose quotes have no known origin cites the dataset and the collection only, nothing null', async () => {
    const items = (await app.inject(`/v1/facts/${withoutOrigin.id}/citation`)).json()
    expect(items.map((i: { type: string }) => i.type)).toEqual(['dataset', 'document'])
    expect(JSON.stringify(items)).not.toContain('null')
  })

  test('plain JSON on request; 404 problem for an unknown fact; 406 for anything else', async () => {
    const json = await app.inject({ url: `/v1/facts/${withOrigin.id}/citation`, headers: { accept: 'application/json' } })
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8')
    const missing = await app.inject('/v1/facts/no-such-fact/citation')
    expect(missing.statusCode).toBe(404)
    expect(missing.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect((await app.inject({ url: `/v1/facts/${withOrigin.id}/citation`, headers: { accept: 'text/html' } })).statusCode).toBe(406)
  })
})

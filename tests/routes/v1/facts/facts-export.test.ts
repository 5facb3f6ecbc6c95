import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { expectedIds, fixture, toQuery, type OracleFilters } from '../../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

/** A small RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') endCell()
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell()
      rows.push(row)
      row = []
      i++
    } else cell += c
  }
  expect(cell).toBe('')
  return rows
}

describe('GET /v1/facts/export', () => {
  test.each<[string, OracleFilters]>([
    ['everything', {}],
    ['a filter', { category: ['prosecution'] }],
    ['nothing', { year: [1999] }]
  ])('CSV has one row per matching fact (%s)', async (_name, filters) => {
    const response = await app.inject(`/v1/facts/export?${toQuery(filters)}`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toBe('attachment; filename="facts.csv"')
    const [header, ...rows] = parseCsv(response.body)
    expect(header?.slice(0, 3)).toEqual(['id', 'statement', 'year'])
    expect(rows.every((r) => r.length === header?.length)).toBe(true)
    expect(rows.map((r) => r[0]).sort()).toEqual(expectedIds(filters))
    const total = (await app.inject(`/v1/facts?${toQuery(filters)}`)).json().page.total
    expect(rows).toHaveLength(total)
  })

  test('CSV cells keep quotes, commas and non-ASCII text intact', async () => {
    const rows = parseCsv((await app.inject('/v1/facts/export?source=fixture-unicode')).body)
    const header = rows[0]!
    const unicode = rows.find((r) => r[0] === 'fx-2017-unicode-moscow')!
    const evidence = JSON.parse(unicode[header.indexOf('evidence')]!)
    expect(evidence[0].quote).toBe('«Les victimes étaient exploitées à Moscou»')
    expect(unicode[header.indexOf('statement')]).toBe(fixture.facts.find((e) => e.fact.id === 'fx-2017-unicode-moscow')!.fact.statement)
  })

  test('NDJSON has one whole fact per line, identical to the JSON API', async () => {
    const response = await app.inject('/v1/facts/export?format=ndjson&year=2013')
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8')
    const lines = response.body.trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(lines.map((f) => f.id).sort()).toEqual(expectedIds({ year: [2013] }))
    const one = (await app.inject(`/v1/facts/${lines[0].id}`)).json()
    expect(lines[0]).toEqual(one)
  })

  test('streams the body in chunks rather than one buffered payload', async () => {
    const response = await app.inject('/v1/facts/export?format=ndjson')
    expect(response.headers['transfer-encoding']).toBe('chunked')
    expect(response.body.trimEnd().split('\n')).toHaveLength(fixture.facts.length)
  })

  test('an unknown format or a filter outside its vocabulary is a 400', async () => {
    expect((await app.inject('/v1/facts/export?format=xlsx')).statusCode).toBe(400)
    expect((await app.inject('/v1/facts/export?actor=nobody')).json().errors[0].name).toBe('actor')
  })

  test('an Accept header that excludes the format is a 406', async () => {
    const response = await app.inject({ url: '/v1/facts/export?format=csv', headers: { accept: 'application/json' } })
    expect(response.statusCode).toBe(406)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
  })
})

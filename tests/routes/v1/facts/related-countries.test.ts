import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { curationFailure } from '../../../helpers/curation-failure.js'
import { fixture } from '../../../helpers/fixture-oracle.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const curated = (id: string) => fixture.facts.find((e) => e.fact.id === id)!.fact

test('a fact lists the other countries it names, with their English names and roles', async () => {
  const fact = (await app.inject('/v1/facts/fx-2013-deportation')).json()
  expect(fact.country).toBe('RU')
  expect(fact.relatedCountries).toEqual(
    curated('fx-2013-deportation').relatedCountries.map(({ code, role }) => ({ code, role, name: new Intl.DisplayNames(['en'], { type: 'region' }).of(code) }))
  )
  expect(fact.relatedCountries.map((c: { name: string }) => c.name)).toEqual(['Nigeria', 'Kenya'])
})

test('places keep their names; subdivisions add their ISO 3166-2 codes', async () => {
  const fact = (await app.inject('/v1/facts/fx-moscow-victims')).json()
  expect(fact.places).toEqual(['Moscow'])
  expect(fact.subdivisions).toEqual([{ name: 'Moscow', code: 'RU-MOW' }])
  const unicode = (await app.inject('/v1/facts/fx-2017-unicode-moscow')).json()
  expect(unicode.places).toEqual(['Moscow'])
  expect(unicode.subdivisions).toEqual([])
})

test('relatedCountry is case-insensitive, echoed in capitals, and refuses codes that are no country', async () => {
  const response = await app.inject('/v1/facts?relatedCountry=ng')
  expect(response.json().query.relatedCountry).toEqual(['NG'])
  for (const wrong of ['XX', 'Nigeria']) {
    const refused = await app.inject(`/v1/facts?relatedCountry=${wrong}`)
    expect(refused.statusCode, wrong).toBe(400)
    expect(refused.json().errors.map((e: { name: string }) => e.name), wrong).toEqual(['relatedCountry'])
  }
})

test('the facets count related countries, labelled', async () => {
  const facets = (await app.inject('/v1/facts/facets?relatedCountry=NG')).json()
  expect(facets.relatedCountry).toEqual([
    { value: 'NG', label: 'Nigeria', count: 2 },
    { value: 'KE', label: 'Kenya', count: 1 },
    { value: 'SY', label: 'Syria', count: 1 }
  ])
})

test('the CSV export has them', async () => {
  const csv = (await app.inject('/v1/facts/export?relatedCountry=KE')).body
  const [columns, cells] = parseCsv(csv)
  expect(cells![columns!.indexOf('relatedCountries')]).toBe('NG (origin) | KE (origin)')
  expect(cells![columns!.indexOf('subdivisions')]).toBe('')
})

test.each([
  ['a code that is no country', (t: string) => t.replace('  - code: KE\n', '  - code: XX\n'), /"XX" is not an ISO 3166-1 alpha-2 country code/],
  ['the fact\'s own country again', (t: string) => t.replace('  - code: KE\n', '  - code: RU\n'), /repeats the fact's own country RU/],
  ['a subdivision of a country the fact does not name', (t: string) => t.replace('code: RU-MOW', 'code: UA-30'), /Moscow \(UA-30\) is in neither/]
])('the build refuses %s, naming the file and fact', (_what, change, reason) => {
  const message = curationFailure('facts/fixture-facts.yaml', change)
  expect(message).toMatch(/fixture-facts\.yaml/)
  expect(message).toMatch(reason)
})

// RFC 4180 rows: quoted cells may hold commas, quotes (doubled) and line breaks
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]]
  const cell = /("((?:[^"]|"")*)"|[^,\r\n]*)(,|\r\n|$)/g
  for (let m = cell.exec(text); m && m[0] !== ''; m = cell.exec(text)) {
    rows.at(-1)!.push(m[2] !== undefined ? m[2].replaceAll('""', '"') : m[1]!)
    if (m[3] === '\r\n') rows.push([])
  }
  return rows.filter((r) => r.length > 0)
}

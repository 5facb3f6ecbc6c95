import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../../helpers/build-test-app.js'
import { fixture } from '../../helpers/fixture-oracle.js'
import { FIXTURE_DATA_DIR } from '../../helpers/paths.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(() => app.close())

const text = readFileSync(`${FIXTURE_DATA_DIR}/sources/fixture-unicode.txt`, 'utf8')

describe('sources', () => {
  test('/v1/sources lists metadata with fact counts and text length', async () => {
    const data = (await app.inject('/v1/sources')).json().data
    expect(data.map((s: { id: string }) => s.id)).toEqual(['fixture-report', 'fixture-unicode'])
    const unicode = data[1]
    const { note: _note, ...metadata } = fixture.sources.find((s) => s.metadata.id === 'fixture-unicode')!.metadata
    expect(unicode).toMatchObject(metadata)
    expect(unicode.publisher).toBeNull()
    expect(unicode.length).toBe(text.length)
    expect(unicode.factCount).toBe(fixture.facts.filter((e) => e.fact.evidence.some((x) => x.sourceId === 'fixture-unicode')).length)
  })

  test('/v1/sources/{id} returns one source, 404 for an unknown one', async () => {
    expect((await app.inject('/v1/sources/fixture-report')).json().title).toBe('Fixture report')
    expect((await app.inject('/v1/sources/nope')).statusCode).toBe(404)
  })

  test('/v1/sources/{id}/text returns the whole text as text/plain', async () => {
    const response = await app.inject('/v1/sources/fixture-unicode/text')
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(response.body).toBe(text)
  })

  test('start and end select a slice in UTF-16 code units', async () => {
    const response = await app.inject('/v1/sources/fixture-unicode/text?start=10&end=14')
    expect(response.body).toBe(text.slice(10, 14))
    expect(response.body).toBe('🇷🇺')
    expect((await app.inject('/v1/sources/fixture-unicode/text?start=20')).body).toBe(text.slice(20))
  })

  test.each([
    ['start after end', 'start=5&end=2', 'start'],
    ['end past the text', `end=${text.length + 1}`, 'end'],
    ['negative start', 'start=-1', 'start'],
    ['not a number', 'end=x', 'end']
  ])('%s is a 400 naming the parameter', async (_name, query, parameter) => {
    const response = await app.inject(`/v1/sources/fixture-unicode/text?${query}`)
    expect(response.statusCode).toBe(400)
    expect(response.json().errors[0]).toMatchObject({ in: 'query', name: parameter })
  })

  test('text of an unknown source is a 404', async () => {
    expect((await app.inject('/v1/sources/nope/text')).statusCode).toBe(404)
  })
})

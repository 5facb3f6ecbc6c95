import type { ChildProcess } from 'node:child_process'
import createClient from 'openapi-fetch'
import { afterAll, beforeAll, expect, expectTypeOf, inject, test } from 'vitest'
import type { paths } from '../../openapi/openapi.js'
import { expectedIds, fixture } from '../helpers/fixture-oracle.js'
import { FIXTURE_DATA_DIR } from '../helpers/paths.js'
import { startServerProcess } from '../helpers/server-process.js'

// A client author's view: types generated from the committed document, the real server on a
// real port, and nothing but openapi-fetch in between. That the calls below typecheck is half
// of the test (`npm run lint`).
let server: ChildProcess
let client: ReturnType<typeof createClient<paths>>

beforeAll(async () => {
  const started = await startServerProcess({ DATABASE_PATH: inject('fixtureDatabasePath'), DATA_DIR: FIXTURE_DATA_DIR })
  server = started.server
  client = createClient<paths>({ baseUrl: started.base })
})
afterAll(() => {
  server.kill('SIGKILL')
})

test('filters: typed values go out as the server reads them and come back echoed', async () => {
  const { data, error, response } = await client.GET('/v1/facts', {
    params: { query: { category: ['prosecution'], hasFigures: true, limit: 100 } }
  })
  expect(error, JSON.stringify(error)).toBeUndefined()
  expect(response.status).toBe(200)
  expect(data!.query).toMatchObject({ category: ['prosecution'], hasFigures: true })
  expect(data!.data.map((f) => f.id).sort()).toEqual(expectedIds({ category: ['prosecution'], hasFigures: true }))
})

test('follows nextCursor to the last page and meets every matching fact once', async () => {
  const seen: string[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const { data } = await client.GET('/v1/facts', { params: { query: { form: ['forced-labor'], limit: 2, ...(cursor && { cursor }) } } })
    seen.push(...data!.data.map((f) => f.id))
    cursor = data!.page.nextCursor ?? undefined
    pages++
  } while (cursor)
  const expected = expectedIds({ form: ['forced-labor'] })
  expect(pages).toBe(Math.ceil(expected.length / 2))
  expect(pages).toBeGreaterThan(1)
  expect([...seen].sort()).toEqual(expected)
})

test('one fact, by its path parameter', async () => {
  const id = fixture.facts[0]!.fact.id
  const { data } = await client.GET('/v1/facts/{id}', { params: { path: { id } } })
  expect(data!.id).toBe(id)
  // the type says what the document says: whole, or only the fields asked for
  expect(data!.evidence?.length).toBeGreaterThan(0)
})

test('fields: the typed names go out as the server reads them; the answer holds those fields', async () => {
  const { data, error } = await client.GET('/v1/facts', { params: { query: { fields: ['statement', 'year'], limit: 5 } } })
  expect(error, JSON.stringify(error)).toBeUndefined()
  expect(data!.query.fields).toEqual(['id', 'statement', 'year'])
  for (const fact of data!.data) expect(Object.keys(fact)).toEqual(['id', 'statement', 'year'])
  // @ts-expect-error `fields` takes the names of Fact's fields only
  const refused = await client.GET('/v1/facts', { params: { query: { fields: ['titel'] } } })
  expect(refused.error!.status).toBe(400)
})

test('a 404 arrives as a typed problem', async () => {
  const { data, error, response } = await client.GET('/v1/facts/{id}', { params: { path: { id: 'no-such-fact' } } })
  expect(data).toBeUndefined()
  expect(response.status).toBe(404)
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  expect(error).toMatchObject({ type: '/problems/not-found', status: 404 })
  expect(error!.detail).toContain('no-such-fact')
})

test('an invalid category is refused by the types and by the server, which lists the valid ones', async () => {
  // @ts-expect-error `category` is an enum of the shipped categories
  const { error } = await client.GET('/v1/facts', { params: { query: { category: ['labour'] } } })
  expect(error!.status).toBe(400)
  for (const { slug } of fixture.categories) expect(error!.detail).toContain(slug)
})

test('revalidating with the ETag answers 304 without a body, and no problem where `if (error)` would see one', async () => {
  const first = await client.GET('/v1/meta')
  const etag = first.response.headers.get('etag')
  expect(etag).toMatch(/^W\/".+"$/)
  const { data, error, response } = await client.GET('/v1/meta', { params: { header: { 'If-None-Match': etag! } } })
  expect(response.status).toBe(304)
  expect(data).toBeUndefined()
  // openapi-fetch types only 2xx as data and 4xx/5xx as error; a 304 lands on the error side
  // with the empty body as text: falsy, so the README's `if (error)` never mistakes it for a problem
  expect(error).toBeFalsy()
  expect(response.headers.get('etag')).toBe(etag)
})

test('response headers are typed by name from the document', async () => {
  type PageHeaders = paths['/v1/facts']['get']['responses'][200]['headers']
  expectTypeOf<'Link' | 'ETag' | 'X-Request-Id'>().toExtend<keyof PageHeaders>()
  const { response } = await client.GET('/v1/facts', { params: { query: { limit: 1 } } })
  const name: keyof PageHeaders = 'Link'
  expect(response.headers.get(name)).toMatch(/^<\/v1\/facts\?limit=1&cursor=[^>]+>; rel="next"$/)
})

test("nextCursor feeds cursor with `?? undefined`, the last page's null ending the loop", async () => {
  const { data } = await client.GET('/v1/facts', { params: { query: { limit: 1 } } })
  expectTypeOf(data!.page.nextCursor).toEqualTypeOf<string | null>()
  const next = await client.GET('/v1/facts', { params: { query: { limit: 1, cursor: data!.page.nextCursor ?? undefined } } })
  expect(next.response.status).toBe(200)
})

test('the export arrives as text: CSV with its header, NDJSON one fact per line', async () => {
  const filters = { category: ['prevention' as const] }
  const csv = await client.GET('/v1/facts/export', { params: { query: { ...filters, format: 'csv' } }, parseAs: 'text' })
  expect(csv.response.headers.get('content-type')).toMatch(/^text\/csv/)
  expect(csv.response.headers.get('content-disposition')).toBe('attachment; filename="facts.csv"')
  expect(csv.data!).toMatch(/^id,statement,/)
  for (const id of expectedIds(filters)) expect(csv.data!).toContain(`\r\n${id},`)

  const ndjson = await client.GET('/v1/facts/export', { params: { query: { ...filters, format: 'ndjson' } }, parseAs: 'text' })
  expectTypeOf(ndjson.data).toEqualTypeOf<string | undefined>()
  const ids = ndjson.data!.trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)
  expect(ids.sort()).toEqual(expectedIds(filters))
})

test("a source's text is typed and parsed as text with parseAs: 'text', as the README shows", async () => {
  const id = fixture.facts[0]!.fact.evidence[0]!.sourceId
  const { data, response } = await client.GET('/v1/sources/{id}/text', { params: { path: { id }, query: { start: 0, end: 10 } }, parseAs: 'text' })
  expectTypeOf(data).toEqualTypeOf<string | undefined>()
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
  expect(data).toHaveLength(10)
})

test("without parseAs: 'text' openapi-fetch reads a CSV body as JSON and throws: why the README passes it", async () => {
  await expect(client.GET('/v1/facts/export', { params: { query: { format: 'csv' } } })).rejects.toThrow(SyntaxError)
})

test("the README's example, line for line: it compiles under strict types without a cast, and runs", async () => {
  const api = client
  const { data, error, response } = await api.GET('/v1/facts', { params: { query: { category: ['prosecution'], hasFigures: true } } })
  if (error) throw new Error(error.detail)
  const next = await api.GET('/v1/facts', { params: { query: { cursor: data.page.nextCursor ?? undefined } } })
  type PageHeaders = paths['/v1/facts']['get']['responses'][200]['headers']
  const link = response.headers.get('Link' satisfies keyof PageHeaders)
  const csv = await api.GET('/v1/facts/export', { params: { query: { format: 'csv' } }, parseAs: 'text' })
  expect(next.response.status).toBe(200)
  expect(link === null || link.endsWith('rel="next"')).toBe(true)
  expect(csv.data).toMatch(/^id,statement,/)
})

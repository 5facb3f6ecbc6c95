import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { FACT_FIELDS } from '../../src/schemas/fact-fields.js'
import { FILTER_NAMES } from '../../src/schemas/fact-filters.js'
import { expectedIds, fixture, toQuery, type OracleFilters } from '../helpers/fixture-oracle.js'
import { connectMcp, textOf, type McpTarget } from './mcp-client.js'

let mcp: McpTarget
beforeAll(async () => {
  mcp = await connectMcp()
})
afterAll(() => mcp.close())

const rest = async (url: string) => {
  const response = await mcp.app.inject(url)
  expect(response.statusCode, response.body).toBe(200)
  return response.json()
}
const SEARCH_FIELDS = 'statement,year,publishedYear,country,figures,evidence,flags'
const ids = fixture.facts.map((e) => e.fact.id)

test('lists the six tools, each read-only, described, its arguments from the REST schemas', async () => {
  const { tools } = await mcp.client.listTools()
  expect(tools.map((t) => t.name).sort()).toEqual(['cite_fact', 'count_facts', 'get_fact', 'list_values', 'read_source', 'search_facts'])
  for (const tool of tools) {
    expect(tool.description!.length, tool.name).toBeGreaterThan(100)
    expect(tool.annotations?.readOnlyHint, tool.name).toBe(true)
  }
  const search = tools.find((t) => t.name === 'search_facts')!
  // every filter of the table, and the paging of /v1/facts: no second list
  expect(Object.keys(search.inputSchema.properties!).sort()).toEqual([...FILTER_NAMES, 'sort', 'limit', 'cursor'].sort())
  expect(search.description).toMatch(/verbatim/)
  for (const slug of fixture.categories.map((c) => c.slug)) expect(search.description).toContain(slug)
  // closed vocabularies are listed as enums of the shipped terms, as in the OpenAPI document
  expect(search.inputSchema.properties!.category).toMatchObject({ items: { enum: fixture.categories.map((c) => c.slug) } })
  expect(JSON.stringify(tools)).not.toContain('x-vocabulary')
  const count = tools.find((t) => t.name === 'count_facts')!
  expect(Object.keys(count.inputSchema.properties!).sort()).toEqual([...FILTER_NAMES, 'facetLimit'].sort())
})

describe('search_facts', () => {
  const cases: OracleFilters[] = [{}, { year: [2013] }, { category: ['prosecution'], hasFigures: true }, { country: 'RU', form: ['sex-trafficking', 'forced-labor'] }, { id: ids.slice(0, 3) }]
  test.each(cases.map((c) => [JSON.stringify(c), c] as const))('%s equals the REST page with the same filters', async (_name, filters) => {
    const result = await mcp.call('search_facts', { ...filters, limit: 5 })
    expect(result.isError).toBeFalsy()
    const expected = await rest(`/v1/facts?${toQuery({ ...filters, limit: 5 })}&fields=${SEARCH_FIELDS}`)
    expect(result.structuredContent).toEqual(expected)
    expect(textOf(result)).toContain(`${expected.page.total} facts match`)
  })

  test('full-text search and its relevance order, as REST', async () => {
    const result = await mcp.call('search_facts', { q: 'victims' })
    expect(result.structuredContent).toEqual(await rest(`/v1/facts?q=victims&fields=${SEARCH_FIELDS}`))
  })

  test('follows the cursor to the end, meeting every matching fact once', async () => {
    const filters = { form: ['forced-labor', 'sex-trafficking'] }
    const seen: string[] = []
    let cursor: string | undefined
    let calls = 0
    do {
      const result = await mcp.call('search_facts', { ...filters, limit: 2, ...(cursor && { cursor }) })
      const page = result.structuredContent as { data: { id: string }[]; page: { nextCursor: string | null } }
      seen.push(...page.data.map((f) => f.id))
      cursor = page.page.nextCursor ?? undefined
      if (cursor) expect(textOf(result)).toContain(cursor)
      calls++
    } while (cursor && calls < 100)
    expect(calls).toBeGreaterThan(2)
    expect([...seen].sort()).toEqual(expectedIds(filters))
  })

  test('each fact comes with its quotes, exactly the source words at their offsets', async () => {
    const result = await mcp.call('search_facts', { limit: 3 })
    const { data } = result.structuredContent as { data: { evidence: { sourceId: string; quote: string; start: number; end: number }[] }[] }
    for (const { sourceId, quote, start, end } of data.flatMap((f) => f.evidence)) {
      const slice = await mcp.call('read_source', { sourceId, start, end })
      expect(textOf(slice)).toBe(quote)
      expect(textOf(result)).toContain(`"${quote}"`)
    }
  })

  test("a fact's caveats are in the text a model reads, beside its statement", async () => {
    const result = await mcp.call('search_facts', { flag: ['subject-unclear'], limit: 5 })
    const { data } = result.structuredContent as { data: { id: string; flags: string[] }[] }
    expect(data.length).toBeGreaterThan(0)
    for (const fact of data) expect(textOf(result)).toMatch(new RegExp(`${fact.id}[^\\n]*\\n  caveats: ${fact.flags.join(', ')}`))
  })
})

test('get_fact equals /v1/facts/{id}, whole or with fields', async () => {
  const id = ids[3]!
  const whole = await mcp.call('get_fact', { id })
  expect(whole.structuredContent).toEqual(await rest(`/v1/facts/${id}`))
  const some = await mcp.call('get_fact', { id, fields: ['statement', 'note'] })
  expect(some.structuredContent).toEqual(await rest(`/v1/facts/${id}?fields=statement,note`))
})

test('cite_fact: the REST citation, each reference formatted in APA by default, or another style', async () => {
  const id = ids[0]!
  const result = await mcp.call('cite_fact', { id })
  const content = result.structuredContent as { references: unknown[]; formatted: string[]; style: string }
  const citation = await mcp.app.inject({ url: `/v1/facts/${id}/citation`, headers: { host: new URL(mcp.base).host } })
  expect(content.references).toEqual(citation.json())
  expect(content.style).toBe('apa')
  expect(content.formatted).toHaveLength(content.references.length)
  expect(content.formatted[0]).toContain('[Dataset]')
  expect(content.formatted[0]).toContain(`${mcp.base}/v1/facts/${id}`)
  expect(textOf(result)).toContain(content.formatted[0])
  const vancouver = await mcp.call('cite_fact', { id, style: 'vancouver' })
  expect((vancouver.structuredContent as { formatted: string[] }).formatted[0]).not.toBe(content.formatted[0])
})

test('count_facts: the /v1/facts/facets counts and the total for the same filters', async () => {
  const filters = { country: 'RU', hasFigures: true }
  const result = await mcp.call('count_facts', filters)
  const content = result.structuredContent as { total: number; facets: unknown }
  expect(content.facets).toEqual(await rest(`/v1/facts/facets?${toQuery(filters)}`))
  expect(content.total).toBe(expectedIds(filters).length)
  expect(textOf(result)).toContain(`${content.total} facts match`)
})

test('list_values: each vocabulary, as its REST list says', async () => {
  const values = async (vocabulary: string) =>
    ((await mcp.call('list_values', { vocabulary })).structuredContent as { values: { value: unknown; label: string; factCount: number }[] }).values
  for (const [vocabulary, path] of [['categories', 'categories'], ['forms', 'forms'], ['units', 'units'], ['flags', 'flags']]) {
    const terms = (await rest(`/v1/${path}`)).data as { slug: string; label: string; description: string; factCount: number }[]
    expect(await values(vocabulary!)).toEqual(terms.map((t) => ({ value: t.slug, label: t.label, description: t.description, factCount: t.factCount })))
  }
  expect((await values('actors')).map((a) => a.value)).toEqual((await rest('/v1/actors')).data.map((a: { id: string }) => a.id))
  expect(await values('years')).toEqual((await rest('/v1/years')).data.map((y: { year: number; factCount: number }) => ({ value: y.year, label: String(y.year), factCount: y.factCount })))
  const countries = await values('countries')
  expect(countries.map((c) => c.value)).toEqual([...new Set(fixture.facts.map((e) => e.fact.country))].sort())
  expect(countries.find((c) => c.value === 'RU')).toMatchObject({ label: 'Russia', factCount: expectedIds({ country: 'RU' }).length })
  expect((await values('sources')).map((s) => s.value)).toEqual((await rest('/v1/sources')).data.map((s: { id: string }) => s.id))
})

test('read_source: the same slice as /v1/sources/{id}/text', async () => {
  const sourceId = fixture.sources[0]!.metadata.id
  const result = await mcp.call('read_source', { sourceId, start: 10, end: 90 })
  const text = await mcp.app.inject(`/v1/sources/${sourceId}/text?start=10&end=90`)
  expect(textOf(result)).toBe(text.body)
  expect(result.structuredContent).toMatchObject({ sourceId, start: 10, end: 90, text: text.body })
})

describe('bad arguments are tool errors naming the argument and the valid values', () => {
  const cases: [string, Record<string, unknown>, RegExp[]][] = [
    ['search_facts', { category: ['labour'] }, [/category/, /prosecution/, /assessment/]],
    ['search_facts', { year: ['soon'] }, [/year/]],
    ['search_facts', { yearFrom: 2015, yearTo: 2010 }, [/yearFrom/]],
    ['search_facts', { sort: 'relevance' }, [/sort/, /\bq\b/]],
    ['search_facts', { cursor: 'not-a-cursor' }, [/cursor/]],
    ['search_facts', { id: ['Not A Slug'] }, [/id/, /slug/]],
    ['search_facts', { colour: 'red' }, [/colour/]],
    ['search_facts', { limit: 1000 }, [/limit/]],
    ['get_fact', { id: 'no-such-fact' }, [/id/, /no-such-fact/]],
    ['get_fact', { id: ids[0], fields: ['titel'] }, [/titel/, new RegExp(FACT_FIELDS.join(', '))]],
    ['cite_fact', { id: ids[0], style: 'chicago' }, [/style/, /apa/]],
    ['cite_fact', { id: 'no-such-fact' }, [/id/]],
    ['count_facts', { form: ['slavery'] }, [/form/, /sex-trafficking/]],
    ['count_facts', { actor: ['nobody'] }, [/actor/, /list_values|\/v1\/actors/]],
    ['list_values', { vocabulary: 'colours' }, [/vocabulary/, /categories/, /countries/]],
    ['read_source', { sourceId: 'no-such-source' }, [/sourceId/, /list_values/]],
    ['read_source', { sourceId: fixture.sources[0]!.metadata.id, start: 0, end: 10_000_000 }, [/end/]],
    ['read_source', { sourceId: fixture.sources[0]!.metadata.id, start: 50, end: 10 }, [/start/]]
  ]
  test.each(cases.map(([tool, args, patterns]) => [`${tool} ${JSON.stringify(args)}`, tool, args, patterns] as const))('%s', async (_name, tool, args, patterns) => {
    const result = await mcp.call(tool, args)
    expect(result.isError).toBe(true)
    const text = textOf(result)
    for (const pattern of patterns) expect(text).toMatch(pattern)
    expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/)
  })
})

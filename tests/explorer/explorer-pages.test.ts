import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'

let app: FastifyInstance
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => app?.close())

const page = async (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers: { accept: 'text/html', ...headers } })
const factLinks = (html: string) => [...html.matchAll(/<h3><a href="\/facts\/([^"]+)">/g)].map((m) => decodeURIComponent(m[1]!))
const attr = (s: string) => s.replaceAll('&amp;', '&')
const escaped = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

describe('/ lists what /v1/facts lists for the same query string', () => {
  test.each(['', 'year=2013&category=prosecution', 'q=prosecutors', 'sort=id&limit=5', 'country=ru&hasFigures=true', 'excludeFlag=subject-unclear'])('?%s', async (search) => {
    const html = await page(`/?${search}`)
    const api = await app.inject(`/v1/facts?${search}`)
    expect(html.statusCode, html.body).toBe(200)
    const json = api.json() as { data: { id: string }[]; page: { total: number } }
    expect(factLinks(html.body)).toEqual(json.data.map((f) => f.id))
    expect(html.body).toContain(`<h2 id="results-title">${json.page.total} fact`)
    expect(html.body).toContain(`href="${search ? `/v1/facts?${search.replaceAll('&', '&amp;')}` : '/v1/facts'}"`)
  })

  test('"Next" pages by cursor to the end, as the API does', async () => {
    const seen: string[] = []
    let url: string | null = '/?limit=5&sort=id'
    while (url) {
      const html: string = (await page(url)).body
      seen.push(...factLinks(html))
      const next: string | undefined = html.match(/<a href="([^"]+)" rel="next">/)?.[1]
      url = next ? attr(next) : null
    }
    const all = (await app.inject('/v1/facts?limit=100&sort=id')).json() as { data: { id: string }[] }
    expect(seen).toEqual(all.data.map((f) => f.id))
  })

  test('every facet value links to a page that adds its filter; the active one removes it', async () => {
    const html = (await page('/?category=prosecution')).body
    const facets = (await app.inject('/v1/facts/facets?category=prosecution')).json() as Record<string, unknown>
    // every facet of the API is shown, by its own name
    for (const name of Object.keys(facets).filter((n) => n !== 'truncated' && (facets[n] as unknown[]).length > 0)) {
      expect(html).toMatch(new RegExp(`<summary>${name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase())}</summary>`, 'i'))
    }
    expect(html).toContain('href="/?category=prosecution&amp;year=2013"')
    expect(html).toMatch(/<a href="\/" aria-current="true" class="on">Prosecution<\/a>/)
    const both = await page('/?category=prosecution&year=2013')
    const api = (await app.inject('/v1/facts?category=prosecution&year=2013')).json() as { page: { total: number } }
    expect(both.body).toContain(`${api.page.total} fact`)
  })

  test('links to the view as JSON and as CSV and NDJSON downloads', async () => {
    const html = (await page('/?year=2013&cursor=x'.replace('&cursor=x', '&sort=id'))).body
    expect(html).toContain('href="/v1/facts/export?year=2013&amp;sort=id&amp;format=csv"')
    expect(html).toContain('href="/v1/facts/export?year=2013&amp;sort=id&amp;format=ndjson"')
  })

  test('an empty search box is dropped rather than refused', async () => {
    const response = await page('/?q=&sort=relevance&year=2013')
    expect(response.statusCode).toBe(303)
    expect(response.headers.location).toBe('/?year=2013')
  })
})

describe('errors are pages saying what the problem document says', () => {
  test.each([
    ['category=nope', 'category'],
    ['year=abc', 'year'],
    ['sort=relevance', 'sort'],
    ['limit=0', 'limit'],
    ['bogus=1', 'bogus'],
    ['cursor=abc', 'cursor']
  ])('?%s is a 400 page naming %s', async (search, name) => {
    const html = await page(`/?${search}`)
    const problem = (await app.inject(`/v1/facts?${search}`)).json() as { detail: string; errors: { name: string; message: string }[] }
    expect(html.statusCode).toBe(400)
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(html.headers['cache-control']).toBe('no-store')
    for (const e of problem.errors) {
      expect(e.name).toBe(name)
      expect(html.body).toContain(`<li><code>${e.name}</code> ${escaped(e.message)}</li>`)
    }
  })

  test('the valid values are listed', async () => {
    expect((await page('/?category=nope')).body).toContain('valid values: prosecution, protection')
  })

  test.each(['/facts/no-such-fact', '/sources/no-such-source'])('%s is a 404 page', async (url) => {
    const response = await page(url)
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.body).toContain('no-such-')
  })

  test('the API paths keep answering problem JSON', async () => {
    const response = await app.inject({ url: '/v1/facts/no-such-fact', headers: { accept: 'text/html' } })
    expect(response.statusCode).toBe(406)
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/)
    expect((await app.inject('/v1/facts?category=nope')).headers['content-type']).toMatch(/^application\/problem\+json/)
  })
})

describe('fact and source pages', () => {
  test('a fact page shows figures in words, the quote highlighted in its source text, and its citations', async () => {
    const html = (await page('/facts/fx-2013-labor-prosecutions')).body
    expect(html).toContain('<strong>at least 10 defendants</strong>')
    expect(html).toContain('<mark>In 2013 the prosecutors charged at least 10 defendants in four forced labor cases.</mark>')
    expect(html).toMatch(/seven sex trafficking cases\. <mark>/)
    expect(html).toContain('Characters 78–160 of')
    expect(html).toContain('href="/sources/fixture-report#span-78-160"')
    expect(html).toContain('First published in: <a href="https://example.org/gazette" rel="noopener noreferrer">Fixture Gazette</a>')
    expect(html).toMatch(/<h3 id="cite-apa-title">APA[^<]*<\/h3>\s*<div id="cite-apa" class="references">\s*<p>Trafficking facts \(test fixture\): Forced labour charges[^<]*\(Version [^)]+\)\. \(\d{4}\)\. \[Dataset\]\. http:\/\/localhost(:\d+)?\/v1\/facts\/fx-2013-labor-prosecutions<\/p>/)
    expect(html).toContain('id="cite-vancouver"')
    expect(html).toContain('href="/v1/facts/fx-2013-labor-prosecutions/citation"')
  })

  test('a fact page and the list say when the claim was published, apart from the year it is about', async () => {
    // fx-2013-sex-prosecutions is about 2013; its words were first published in a 2014 document
    expect((await page('/facts/fx-2013-sex-prosecutions')).body).toMatch(/<dt>Published<\/dt><dd>2014 \(/)
    expect((await page('/facts/fx-2013-labor-prosecutions')).body).toContain('<dt>Published</dt><dd>Not known')
    expect((await page('/?publishedYear=2014')).body).toMatch(/<p class="meta">2013 · published 2014 · /)
  })

  test('a caveat flag is shown with its description from the flags vocabulary', async () => {
    const flagged = (await app.inject('/v1/facts?flag=subject-unclear&limit=1')).json() as { data: { id: string }[] }
    const html = (await page(`/facts/${flagged.data[0]!.id}`)).body
    expect(html).toContain('<strong>Subject unclear</strong>: The text does not say who acted')
  })

  test('a source page links every evidence span to its fact', async () => {
    const html = (await page('/sources/fixture-report')).body
    expect(html).toContain('<mark id="span-78-160"><a href="/facts/fx-2013-labor-prosecutions">In 2013 the prosecutors charged at least 10')
  })
})

describe('pages are cached like the API', () => {
  test('ETag and 304, the page CSP, and a replay from the response cache', async () => {
    const first = await page('/?year=2012')
    expect(first.headers.etag).toBeDefined()
    expect(first.headers['content-security-policy']).toMatch(/default-src 'none'.*style-src 'self'.*script-src 'self'/)
    expect((await page('/?year=2012', { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304)
    const second = await page('/?year=2012')
    const replayed = await page('/?year=2012')
    expect(replayed.body).toBe(first.body)
    expect(replayed.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(second.headers['content-security-policy']).toBe(first.headers['content-security-policy'])
    expect(replayed.headers['content-security-policy']).toBe(first.headers['content-security-policy'])
  })

  test('the stylesheet and script are served by the app', async () => {
    expect((await app.inject('/assets/explorer.css')).headers['content-type']).toBe('text/css; charset=utf-8')
    expect((await app.inject('/assets/copy.js')).headers['content-type']).toBe('text/javascript; charset=utf-8')
  })
})

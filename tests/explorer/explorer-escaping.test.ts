import { createHash } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'
import { copyFixture } from '../helpers/fixture-copy.js'

// Curated text is data, never markup: a fixture whose statement, quote, actor name, note,
// source title and URLs hold script, an attribute break-out and javascript: URLs must render
// as text on every page.
const SCRIPT = '<script>alert(1)</script>'
const BREAKOUT = '"><img src=x onerror=alert(2)>'
const JS_URL = 'javascript:alert(3)'
const PAYLOAD = `${SCRIPT} ${BREAKOUT} ${JS_URL}`
const QUOTE = `In 2019 the ministry said ${PAYLOAD} about 40 victims.`
const TEXT = `${QUOTE} The rest of the report.\n`

const yamlString = (s: string) => JSON.stringify(s)

let app: FastifyInstance
let dir: string

beforeAll(async () => {
  const copy = copyFixture()
  dir = copy.dir
  const sources = join(copy.dataDir, 'sources')
  writeFileSync(join(sources, 'fx-hostile.txt'), TEXT)
  writeFileSync(join(sources, 'fx-hostile.yaml'), [
    'id: fx-hostile',
    `title: ${yamlString(`Hostile ${PAYLOAD}`)}`,
    `publisher: ${yamlString(BREAKOUT)}`,
    'publishedAt: null',
    `url: ${yamlString(JS_URL)}`,
    "retrievedAt: '2026-11-27'",
    `license: ${yamlString(SCRIPT)}`,
    `sha256: ${createHash('sha256').update(TEXT).digest('hex')}`,
    `note: ${yamlString(PAYLOAD)}`
  ].join('\n') + '\n')
  writeFileSync(join(sources, 'fx-hostile.skipped.yaml'), [
    `- start: ${QUOTE.length + 1}`,
    `  end: ${TEXT.length - 1}`,
    `  quote: ${yamlString(TEXT.slice(QUOTE.length + 1, TEXT.length - 1))}`,
    '  reason: boilerplate',
    `  note: ${yamlString(PAYLOAD)}`
  ].join('\n') + '\n')
  writeFileSync(join(copy.dataDir, 'origins', 'fx-hostile.yaml'), [
    '- start: 0',
    `  end: ${QUOTE.length}`,
    '  origin:',
    `    title: ${yamlString(PAYLOAD)}`,
    `    publisher: ${yamlString(SCRIPT)}`,
    '    year: 2019',
    `    url: ${yamlString('https://example.org/"><script>alert(4)</script>')}`,
    `    section: ${yamlString(BREAKOUT)}`,
    '  reason: null',
    "  verifiedBy: the fixture's own invention"
  ].join('\n') + '\n')
  copy.edit('vocabularies/actors.yaml', (t) => `${t}- id: fx-hostile-actor\n  name: ${yamlString(`Actor ${PAYLOAD}`)}\n  type: ngo\n  description: ${yamlString(PAYLOAD)}\n  aliases: []\n`)
  copy.edit('facts/fixture-facts.yaml', (t) => `${t}- id: fx-hostile-fact
  statement: ${yamlString(`A fixture claim, in its curator's own words, that carries hostile markup ${PAYLOAD}`)}
  year: 2019
  country: RU
  categories:
  - prevalence
  evidence:
  - sourceId: fx-hostile
    start: 0
    end: ${QUOTE.length}
    quote: ${yamlString(QUOTE)}
    attribution: ${yamlString(BREAKOUT)}
  figures:
  - value: 40
    unit: victims
    qualifier: approximately
    kind: quantity
    label: victims
  actors:
  - fx-hostile-actor
  places:
  - ${yamlString(SCRIPT)}
  note: ${yamlString(`Note ${PAYLOAD}`)}
`)
  app = await buildTestApp({ DATA_DIR: copy.dataDir, DATABASE_PATH: join(dir, 'hostile.sqlite') })
})

afterAll(async () => {
  await app?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Every tag and every URL-bearing attribute of the page, as a browser would read them. */
function liveMarkup(html: string) {
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0])
  const tags = [...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1]!.toLowerCase())
  // attribute names only: quoted values (escaped text) cannot open an attribute
  const handlers = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0].replace(/"[^"]*"/g, '""')).filter((tag) => /\son[a-z]+\s*=/i.test(tag))
  const urls = [...html.matchAll(/\s(?:href|src|action)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!)
  return { scripts, tags, handlers, urls }
}

describe('pages render hostile curated text as text', () => {
  test.each([
    ['/?q=ministry', 'explorer (search)'],
    ['/?actor=fx-hostile-actor', 'explorer (actor filter and facets)'],
    ['/facts/fx-hostile-fact', 'fact page'],
    ['/sources/fx-hostile', 'source page']
  ])('%s (%s)', async (url) => {
    const response = await app.inject(url)
    expect(response.statusCode, response.body).toBe(200)
    const html = response.body
    // the hostile text is there, escaped
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const { scripts, tags, handlers, urls } = liveMarkup(html)
    expect(scripts).toEqual(['<script src="/assets/copy.js" defer>'])
    expect(tags).not.toContain('img')
    expect(handlers).toEqual([])
    for (const href of urls) expect(href, `a link in ${url}`).toMatch(/^(\/|#|https?:\/\/)/)
    expect(urls.some((u) => /javascript:/i.test(u))).toBe(false)
    expect(html).not.toMatch(/\sstyle\s*=/i)
    // an attribute the template meant to write, escaped into a broken one
    expect(html).not.toMatch(/<[a-z][^>]*\s[a-z-]+=&quot;/i)
  })

  test('an invalid filter value is echoed escaped on the 400 page', async () => {
    const response = await app.inject(`/?category=${encodeURIComponent(PAYLOAD)}`)
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    const { scripts, tags, handlers } = liveMarkup(response.body)
    expect(scripts).toHaveLength(1)
    expect(tags).not.toContain('img')
    expect(handlers).toEqual([])
  })
})

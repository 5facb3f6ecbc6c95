import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { FastifyInstance } from 'fastify'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openBrowser, runBrowserTests } from '../helpers/browser.js'
import { buildTestApp } from '../helpers/build-test-app.js'

// The explorer in a real browser, on the shipped data: search, facets, paging, a fact with its
// quote in context and its APA reference, the CSV download, a source page; nothing fetched past
// 127.0.0.1, no console error, no serious accessibility violation, every control by keyboard.
// Debian's chromium, as the /docs browser test uses it.
const TIMEOUT = 90_000

interface FactPage {
  data: { id: string; evidence: { quote: string }[] }[]
  page: { total: number; nextCursor: string | null }
}

describe.skipIf(!runBrowserTests)('the explorer in headless Chromium', () => {
  let app: FastifyInstance
  let base: string
  let profileDir: string
  let shots: string
  let context: BrowserContext
  let page: Page
  let external: string[]
  let consoleErrors: string[]
  const axeResults: Record<string, string[]> = {}

  const api = async (path: string) => (await app.inject(path)).json() as FactPage
  const shownIds = async () => (await page.locator('ol.facts h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).map((h) => decodeURIComponent(h!.replace('/facts/', '')))
  const search = () => new URL(page.url()).search.slice(1)

  async function axe(name: string) {
    const result = await new AxeBuilder({ page: page as never }).analyze()
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    axeResults[name] = result.violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.length})`)
    expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe on ${name}`).toEqual([])
  }

  async function screenshots(name: string) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 })
      await page.evaluate('window.scrollTo(0, 0)')
      const path = join(shots, `${name}-${width}.png`)
      await page.screenshot({ path, fullPage: false })
      expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG')
      // readable at 360 px: nothing wider than the window
      // (strings: this project's TypeScript has no DOM types)
      const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')
      expect(overflow, `${name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
  }

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'explorer-browser-'))
    shots = process.env.EXPLORER_SCREENSHOT_DIR ?? join(profileDir, 'shots')
    mkdirSync(shots, { recursive: true })
    app = await buildTestApp({ DATA_DIR: 'db', DATABASE_PATH: join(profileDir, 'shipped.sqlite') })
    base = await app.listen({ port: 0, host: '127.0.0.1' })
    ;({ context, page, external, consoleErrors } = await openBrowser(profileDir, { acceptDownloads: true }))
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base })
  }, TIMEOUT)

  afterAll(async () => {
    if (Object.keys(axeResults).length) console.warn(`explorer axe violations (all impacts): ${JSON.stringify(axeResults)}`)
    await context?.close()
    await app?.close()
    if (profileDir) rmSync(profileDir, { recursive: true, force: true })
  }, TIMEOUT)

  test('search, then two facet values: the list is what /v1/facts returns', async () => {
    expect((await page.goto(`${base}/`))?.status()).toBe(200)
    await axe('explorer')
    await screenshots('explorer')
    await page.getByLabel('Search statements and quotes').fill('trafficking')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL(/q=trafficking/)
    const searched = await api(`/v1/facts?${search()}`)
    expect(await shownIds()).toEqual(searched.data.map((f) => f.id))

    for (const facet of ['Category', 'Year']) {
      const link = page.locator('aside.facets details', { has: page.locator('summary', { hasText: new RegExp(`^${facet}$`) }) }).locator('a').first()
      const before = page.url()
      await link.click()
      await page.waitForURL((url) => url.href !== before)
    }
    const filtered = await api(`/v1/facts?${search()}`)
    expect(search()).toMatch(/category=.*year=|year=.*category=/)
    expect(filtered.page.total).toBeGreaterThan(0)
    expect(filtered.page.total).toBeLessThan(searched.page.total)
    expect(await page.locator('#results-title').innerText()).toBe(`${filtered.page.total} ${filtered.page.total === 1 ? 'fact' : 'facts'}`)
    expect(await shownIds()).toEqual(filtered.data.map((f) => f.id))
  }, TIMEOUT)

  test('the view downloads as the API exports it', async () => {
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'CSV' }).click()
    const file = await (await download).path()
    const params = new URLSearchParams(search())
    params.set('format', 'csv')
    const exported = await app.inject(`/v1/facts/export?${params}`)
    expect(readFileSync(file, 'utf8')).toBe(exported.body)
    expect(exported.body.split('\n').length).toBeGreaterThan(2)
  }, TIMEOUT)

  test('"Next" pages to the end', async () => {
    await page.goto(`${base}/?limit=10&sort=id`)
    const seen: string[] = []
    for (;;) {
      seen.push(...(await shownIds()))
      const next = page.getByRole('link', { name: 'Next page' })
      if ((await next.count()) === 0) break
      await next.click()
      await page.waitForLoadState('load')
    }
    expect(seen).toEqual((await api('/v1/facts?limit=100&sort=id')).data.map((f) => f.id))
  }, TIMEOUT)

  test('every control is reachable by keyboard', async () => {
    await page.goto(`${base}/`)
    const reached = new Set<string>()
    for (let i = 0; i < 300; i++) {
      await page.keyboard.press('Tab')
      reached.add(await page.evaluate<string>(`(() => {
        const el = document.activeElement
        return el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.closest('aside') ? ' in facets' : '') + (el.getAttribute('rel') === 'next' ? ' next' : '') : ''
      })()`))
    }
    for (const expected of ['a', 'input#q', 'select#sort', 'button', 'summary in facets', 'a in facets', 'a next']) expect([...reached]).toContain(expected)
  }, TIMEOUT)

  test('a fact shows its quote highlighted in the source text, and its APA reference', async () => {
    await page.goto(`${base}/?q=prosecuted`)
    const first = (await api('/v1/facts?q=prosecuted')).data[0]!
    await page.locator('ol.facts h3 a').first().click()
    await page.waitForURL(/\/facts\//)
    const context = page.locator('figure.evidence blockquote').first()
    expect(await context.locator('mark').innerText()).toBe(first.evidence[0]!.quote)
    expect((await context.innerText()).length).toBeGreaterThan(first.evidence[0]!.quote.length)
    const apa = await page.locator('#cite-apa p').first().innerText()
    expect(apa).toContain('[Dataset]')
    expect(apa).toContain(`/v1/facts/${first.id}`)
    // the script's enhancement: the copy button shows and copies the references
    const copy = page.getByRole('button', { name: /Copy APA/ })
    await copy.click()
    await expect.poll(() => page.evaluate<string>('navigator.clipboard.readText()')).toContain('[Dataset]')
    await axe('fact')
    await screenshots('fact')
  }, TIMEOUT)

  test('a source page highlights its evidence and marks skipped sentences', async () => {
    await page.locator('figure.evidence figcaption a').first().click()
    await page.waitForURL(/\/sources\//)
    expect(await page.locator('.source-text mark a').count()).toBeGreaterThan(10)
    expect(await page.locator('.source-text .skip-reason').count()).toBeGreaterThan(0)
    await axe('source')
    await screenshots('source')
  }, TIMEOUT)

  test('an invalid filter is a readable error page', async () => {
    const before = consoleErrors.length
    const response = await page.goto(`${base}/?category=nope`)
    expect(response?.status()).toBe(400)
    expect(await page.locator('ul.errors').innerText()).toContain('valid values:')
    // the browser logs the page's own 400 as a console error: expected here, so not counted
    const logged = consoleErrors.splice(before)
    expect(logged.filter((m) => !/status of 400/.test(m))).toEqual([])
    await axe('error')
  }, TIMEOUT)

  test('sent nothing past 127.0.0.1 and logged no error', () => {
    expect(external, 'requests to other hosts').toEqual([])
    expect(consoleErrors, 'console errors').toEqual([])
  })
})

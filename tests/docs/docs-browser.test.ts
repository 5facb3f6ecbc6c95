import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CHROMIUM, openBrowser, runBrowserTests } from '../helpers/browser.js'
import { buildTestApp } from '../helpers/build-test-app.js'

// /docs in a real browser: Swagger UI must render the operations from the app's own assets,
// call the API under the docs page's CSP, and never reach past 127.0.0.1.
const TIMEOUT = 60_000

if (!runBrowserTests) {
  console.warn(`docs-browser: skipped, ${CHROMIUM} is missing (apt-get install chromium); in CI this fails`)
}

describe.skipIf(!runBrowserTests)('/docs in headless Chromium', () => {
  let app: FastifyInstance
  let base: string
  let profileDir: string
  let context: BrowserContext
  let page: Page
  let external: string[]
  let consoleErrors: string[]
  const cspViolations: string[] = []
  let docsPolicy = ''

  beforeAll(async () => {
    profileDir = mkdtempSync(join(tmpdir(), 'docs-browser-'))
    // the shipped data: "Try it out" sends the documented examples, which are values of it
    app = await buildTestApp({ DATA_DIR: 'db', DATABASE_PATH: join(profileDir, 'shipped.sqlite') })
    base = await app.listen({ port: 0, host: '127.0.0.1' })
    ;({ context, page, external, consoleErrors } = await openBrowser(profileDir))
    // CSP violations as the browser reports them to the page, besides the console's wording
    // (a string: this project's TypeScript has no DOM types)
    await context.addInitScript({
      content: `globalThis.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          globalThis.__cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber))`
    })
  }, TIMEOUT)

  afterAll(async () => {
    await context?.close()
    await app?.close()
    if (profileDir) rmSync(profileDir, { recursive: true, force: true })
  }, TIMEOUT)

  test(
    'renders the operations from local assets',
    async () => {
      const response = await page.goto(`${base}/docs`, { waitUntil: 'load' })
      expect(response?.status()).toBe(200)
      docsPolicy = response?.headers()['content-security-policy'] ?? ''
      const listFacts = page.locator('#operations-facts-listFacts')
      await listFacts.waitFor({ state: 'visible', timeout: TIMEOUT })

      await expect.poll(() => listFacts.locator('.opblock-summary-path').getAttribute('data-path')).toBe('/v1/facts')
      const sourceText = page.locator('.opblock-summary-path[data-path="/v1/sources/{id}/text"]')
      expect(await sourceText.count()).toBe(1)
      // every operation the committed document declares, each once
      const document = JSON.parse(readFileSync('openapi/openapi.json', 'utf8')) as { paths: Record<string, object> }
      const operations = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).filter((k) => k === 'get').length, 0)
      expect(await page.locator('.opblock').count()).toBe(operations)
    },
    TIMEOUT
  )

  test(
    'calls the API from "Try it out" under the docs CSP',
    async () => {
      const operation = page.locator('#operations-facts-listFacts')
      await operation.locator('.opblock-summary').first().click()
      const tryItOut = operation.locator('button.try-out__btn', { hasText: 'Try it out' })
      // uiConfig.tryItOutEnabled opens operations ready to execute; click only when it does not
      if (await tryItOut.isVisible()) await tryItOut.click()
      const execute = operation.locator('button.execute')
      await execute.waitFor({ state: 'visible', timeout: TIMEOUT })
      // Swagger UI fills every parameter with its example: a reader's first Execute must work
      const apiCall = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/facts', { timeout: TIMEOUT })
      await execute.click()
      const response = await apiCall
      const sent = new URL(response.url()).searchParams
      expect([...sent.keys()]).toEqual(expect.arrayContaining(['year', 'category', 'form', 'actor', 'q']))
      expect(response.status(), await response.text()).toBe(200)
      expect(await response.text()).toContain('ru-2013-sex-trafficking-prosecutions')

      const status = operation.locator('.live-responses-table .response .response-col_status').first()
      await status.waitFor({ state: 'visible', timeout: TIMEOUT })
      expect((await status.innerText()).trim()).toMatch(/^200\b/)
      await expect.poll(() => operation.locator('.live-responses-table .microlight').first().innerText()).toContain('"data"')

      await status.scrollIntoViewIfNeeded()
      const screenshotPath = process.env.DOCS_SCREENSHOT_PATH ?? join(profileDir, 'docs.png')
      await page.screenshot({ path: screenshotPath, fullPage: false })
      expect(readFileSync(screenshotPath).subarray(1, 4).toString()).toBe('PNG')
    },
    TIMEOUT
  )

  test('sent nothing past 127.0.0.1 and broke no CSP rule', async () => {
    const violations = await page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations)
    cspViolations.push(...violations)
    expect(external, 'requests to other hosts').toEqual([])
    expect(cspViolations, `securitypolicyviolation events: ${JSON.stringify(cspViolations)}`).toEqual([])
    const cspErrors = consoleErrors.filter((text) => /content security policy|refused to/i.test(text))
    expect(cspErrors, `console errors: ${JSON.stringify(consoleErrors)}`).toEqual([])
    // Chromium exempts loopback, so only the header shows it: with this directive every asset and
    // API call goes to https, and /docs is blank when served over plain http on any other host
    expect(docsPolicy, 'CSP of /docs').toMatch(/default-src/)
    expect(docsPolicy, 'CSP of /docs').not.toContain('upgrade-insecure-requests')
  })
})

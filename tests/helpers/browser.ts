import { existsSync } from 'node:fs'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

// Debian's chromium (.ci/run installs it); Playwright's own browser downloads are not used.
export const CHROMIUM = '/usr/bin/chromium'
export const haveChromium = existsSync(CHROMIUM)
/** Browser tests run where chromium is, and always in CI, where a missing browser must fail. */
export const runBrowserTests = haveChromium || Boolean(process.env.CI)

export interface BrowserSession {
  context: BrowserContext
  page: Page
  /** Requests that tried to leave 127.0.0.1: refused, and kept here for the test to assert on. */
  external: string[]
  consoleErrors: string[]
}

/**
 * Headless chromium on a fresh profile (as root it needs --no-sandbox; a profile is a launch
 * argument Playwright refuses, hence a persistent context), with the flags that keep it off the
 * network: on this closed network its background connections fail, many at a time.
 */
export async function openBrowser(profileDir: string, options: { acceptDownloads?: boolean } = {}): Promise<BrowserSession> {
  if (!haveChromium) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`)
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...options,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
  })
  const external: string[] = []
  const consoleErrors: string[] = []
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.hostname === '127.0.0.1') return route.continue()
    external.push(url.href)
    return route.abort()
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`))
  return { context, page, external, consoleErrors }
}

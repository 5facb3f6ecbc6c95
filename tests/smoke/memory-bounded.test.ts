import { readFileSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { fixture } from '../helpers/fixture-oracle.js'
import { FIXTURE_DATA_DIR } from '../helpers/paths.js'
import { startServerProcess } from '../helpers/server-process.js'

// Any client may ask any mix of filters: what the process keeps between requests (statements,
// match sets, facets, finished answers) must stay bounded whatever the mix, with the defaults.
let server: ChildProcess
let base: string
beforeAll(async () => {
  ;({ server, base } = await startServerProcess({ DATABASE_PATH: inject('fixtureDatabasePath'), DATA_DIR: FIXTURE_DATA_DIR, RATE_LIMIT_MAX: '0' }))
})
afterAll(() => {
  server?.kill('SIGKILL')
})

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024

const categories = fixture.categories.map((c) => c.slug)
const forms = fixture.forms.map((f) => f.slug)
const COUNTRIES = ['RU', 'IR', 'UA', 'KZ']

/** `count` distinct filter combinations, each a different URL and a different filter set. */
function combinations(count: number, offset: number): string[] {
  const urls: string[] = []
  for (let i = offset; urls.length < count; i++) {
    // mixed radix: year bound × category × form × has-figures × country, each index its own combination
    const params = new URLSearchParams({
      yearFrom: String(1800 + (i % 300)),
      category: categories[Math.floor(i / 300) % categories.length]!,
      form: forms[Math.floor(i / (300 * categories.length)) % forms.length]!,
      hasFigures: String(Math.floor(i / (300 * categories.length * forms.length)) % 2 === 0),
      country: COUNTRIES[Math.floor(i / (600 * categories.length * forms.length)) % COUNTRIES.length]!
    })
    urls.push(`/v1/facts${i % 3 ? '' : '/facets'}?${params}`)
  }
  return urls
}

async function send(urls: string[]) {
  let next = 0
  const failures: string[] = []
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!
        const response = await fetch(`${base}${url}`)
        await response.arrayBuffer()
        if (response.status !== 200) failures.push(`${response.status} ${url}`)
      }
    })
  )
  return failures
}

test('once its caches are full, 20,000 more distinct filter combinations grow the server by at most 50 MB', { timeout: 180_000 }, async () => {
  expect(new Set([...combinations(60_000, 0)]).size).toBe(60_000)
  // 40,000 fill every bounded cache (answers, facets, match sets) and let the heap settle
  expect(await send(combinations(40_000, 20_000))).toEqual([])
  const before = rssMb()
  expect(await send(combinations(20_000, 0))).toEqual([])
  expect(rssMb() - before).toBeLessThanOrEqual(50)
})

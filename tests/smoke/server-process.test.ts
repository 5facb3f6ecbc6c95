import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { FIXTURE_DATA_DIR } from '../helpers/paths.js'
import { startServerProcess } from '../helpers/server-process.js'

// The real process on a real port, as `npm start` runs it: the database file is missing at
// start and must be built from the data directory, then served read-only.
const dir = mkdtempSync(join(tmpdir(), 'facts-smoke-'))
const databasePath = join(dir, 'facts.sqlite')
let server: ChildProcess
let base: string
const exited = () => new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)))

beforeAll(async () => {
  ;({ server, base } = await startServerProcess({ DATABASE_PATH: databasePath, DATA_DIR: FIXTURE_DATA_DIR }))
})

afterAll(() => {
  if (server.exitCode === null) server.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

test('builds the missing database at start and serves it', async () => {
  expect(existsSync(databasePath)).toBe(true)
  const ready = await fetch(`${base}/readyz`)
  expect(ready.status).toBe(200)
  const facts = (await (await fetch(`${base}/v1/facts?limit=3`)).json()) as { data: unknown[] }
  expect(facts.data).toHaveLength(3)
})

test('serves the docs page and its assets from the app itself', async () => {
  const page = await fetch(`${base}/docs/`)
  expect(page.status).toBe(200)
  const html = await page.text()
  const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
  expect(assets.length).toBeGreaterThan(1)
  for (const asset of assets) {
    expect(asset, 'asset from another host').not.toMatch(/^(https?:)?\/\//)
    const response = await fetch(new URL(asset, `${base}/docs/`))
    expect(response.status, asset).toBe(200)
    expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(0)
  }
})

test('closes gracefully on SIGTERM', async () => {
  const exit = exited()
  server.kill('SIGTERM')
  expect(await exit).toBe(0)
})

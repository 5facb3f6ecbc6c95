import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { writeSyntheticData } from '../../bench/synthetic-data.js'
import { buildDatabase } from '../../src/database/build-database.js'
import { startLoggedServer, type LoggedProcess } from '../helpers/logged-process.js'

// SIGTERM while a keep-alive client downloads an export, as a rolling restart does: the
// download completes and the process exits 0 right after it; or, past the grace period, the
// download breaks off where the client sees it. ~15 MB of NDJSON, so that the export is still
// streaming when the signal arrives (the client stops reading until the server has it).
const FACTS = 20_000
const dir = mkdtempSync(join(tmpdir(), 'facts-shutdown-'))
const env = { DATA_DIR: join(dir, 'data'), DATABASE_PATH: join(dir, 'facts.sqlite'), RATE_LIMIT_MAX: '0' }
const started: LoggedProcess[] = []

beforeAll(() => {
  writeSyntheticData(env.DATA_DIR, FACTS)
  buildDatabase({ dataDir: env.DATA_DIR, migrationsDir: 'migrations', outputPath: env.DATABASE_PATH })
})
afterEach(() => {
  for (const server of started.splice(0)) if (server.child.exitCode === null) server.child.kill('SIGKILL')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A server, and an export it has begun to stream to a keep-alive client that then stops reading. */
async function exportInFlight(extraEnv: Record<string, string> = {}) {
  const server = startLoggedServer({ ...env, ...extraEnv })
  started.push(server)
  const base = (await server.waitFor(/Server listening at (http:\/\/127\.0\.0\.1:\d+)/))[1]!
  // the client keeps its connection alive, as Node's fetch (undici) does by default
  const response = await fetch(`${base}/v1/facts/export?format=ndjson`, { headers: { 'accept-encoding': 'identity' } })
  expect(response.status).toBe(200)
  const reader = response.body!.getReader()
  const first = await reader.read()
  let bytes = first.value!.byteLength
  /** Reads the rest of the body; resolves with the number of facts, or rejects as the client would. */
  const readRest = async () => {
    const chunks = [first.value!]
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      chunks.push(part.value)
      bytes += part.value.byteLength
    }
    return Buffer.concat(chunks).toString('utf8').split('\n').filter(Boolean).length
  }
  return { server, readRest, bytes: () => bytes }
}

test('SIGTERM mid-export: the export completes, the keep-alive connection closes, and the process exits 0', async () => {
  const { server, readRest } = await exportInFlight()
  server.child.kill('SIGTERM')
  await server.waitFor(/SIGTERM received: closing/)
  const facts = await readRest()
  const code = await server.exited
  expect(facts).toBe(FACTS)
  // before, the idle keep-alive connection held the process until close-with-grace's delay: exit 1
  expect(code).toBe(0)
  expect(server.log()).not.toMatch(/killed by timeout/)
})

test('an export cut by the grace period ends in an error the client sees, never a clean end', async () => {
  const { server, readRest, bytes } = await exportInFlight({ SHUTDOWN_GRACE_MS: '500' })
  server.child.kill('SIGTERM')
  // the client reads nothing more until the process is gone
  expect(await server.exited).toBe(1)
  await expect(readRest()).rejects.toThrow()
  expect(bytes()).toBeGreaterThan(0)
})

test('a fault signal (SIGSEGV) ends the process as a crash, not as a graceful close', async () => {
  const server = startLoggedServer(env)
  started.push(server)
  await server.waitFor(/Server listening at/)
  const ended = new Promise<NodeJS.Signals | null>((resolve) => server.child.once('exit', (_code, signal) => resolve(signal)))
  server.child.kill('SIGSEGV')
  // a JS listener on SIGSEGV would make a real fault hang the process at full CPU
  expect(await ended).toBe('SIGSEGV')
  expect(server.log()).not.toMatch(/SIGSEGV received/)
})

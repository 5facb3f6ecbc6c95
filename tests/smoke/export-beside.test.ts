import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { writeSyntheticData } from '../../bench/synthetic-data.js'
import { startServerProcess } from '../helpers/server-process.js'

// An export must share the server: a request that arrives while a client downloads every fact
// at full speed is answered between two chunks, not after the last one. The server runs in its
// own process (in this one, the client's reads would pace it), on enough facts (~15 MB of
// NDJSON) that an export holding the event loop finishes long before the probe is answered.
const FACTS = 20_000
const dir = mkdtempSync(join(tmpdir(), 'facts-export-beside-'))
let server: ChildProcess
let base: string

beforeAll(async () => {
  writeSyntheticData(join(dir, 'data'), FACTS)
  // the database file is missing: the server builds it at start
  ;({ server, base } = await startServerProcess({ DATA_DIR: join(dir, 'data'), DATABASE_PATH: join(dir, 'facts.sqlite'), RATE_LIMIT_MAX: '0' }))
})

afterAll(() => {
  if (server?.exitCode === null) server.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

/** Reads a whole export as fast as it comes; once its first bytes are in, sends one probe beside it. */
async function exportWithProbe(encoding: string) {
  const response = await fetch(`${base}/v1/facts/export?format=ndjson`, { headers: { 'accept-encoding': encoding } })
  expect(response.status).toBe(200)
  const decoded = response.body!.pipeThrough(new TextDecoderStream())
  let text = ''
  let probe: Promise<{ status: number; exportedBefore: number }> | undefined
  for await (const part of decoded) {
    text += part
    probe ??= fetch(`${base}/healthz`).then(async (r) => {
      await r.arrayBuffer()
      return { status: r.status, exportedBefore: text.length }
    })
  }
  return { lines: text.split('\n').filter(Boolean).length, length: text.length, probe: await probe! }
}

test.each(['identity', 'gzip'])('a request beside a full NDJSON export (%s) is answered while the export still streams', async (encoding) => {
  const { lines, length, probe } = await exportWithProbe(encoding)
  expect(lines).toBe(FACTS)
  expect(probe.status).toBe(200)
  // the probe's answer arrived before the export's last bytes did
  expect(probe.exportedBefore).toBeLessThan(length)
})

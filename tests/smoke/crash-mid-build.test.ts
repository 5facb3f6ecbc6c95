import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { writeSyntheticData } from '../../bench/synthetic-data.js'
import { buildDatabase } from '../../src/database/build-database.js'
import { startLoggedServer, type LoggedProcess } from '../helpers/logged-process.js'

// A replica killed (SIGKILL: out of memory, a node drained) while it rebuilds a stale database:
// the database it was replacing must stay as it was, and the next start must not trip over
// what the killed build left. Synthetic data big enough that the build takes a second or two.
const dir = mkdtempSync(join(tmpdir(), 'facts-crash-'))
const dataDir = join(dir, 'db')
const databasePath = join(dir, 'facts.sqlite')
const started: LoggedProcess[] = []
afterAll(() => {
  for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const start = (env: NodeJS.ProcessEnv) => {
  const server = startLoggedServer({ DATABASE_PATH: databasePath, ...env })
  started.push(server)
  return server
}
const meta = async (server: LoggedProcess) => {
  const base = (await server.waitFor(LISTENING))[1]!
  return (await fetch(`${base}/v1/meta`)).json() as Promise<{ version: string; counts: { facts: number } }>
}

/** Resolves once a build of the database is well under way: its staging file holds over 1 MB. */
async function buildUnderWay(server: LoggedProcess): Promise<void> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline && server.child.exitCode === null; await sleep(10)) {
    const staging = readdirSync(dir).find((name) => name.endsWith('.tmp.staging'))
    if (staging && (statSync(join(dir, staging), { throwIfNoEntry: false })?.size ?? 0) > 1_000_000) return
  }
  throw new Error(`no build under way; the server's log:\n${server.log()}`)
}

test('a start killed mid-rebuild leaves the old database as it was; the next start cleans up and serves the new one', { timeout: 60_000 }, async () => {
  writeSyntheticData(dataDir, 12_000)
  buildDatabase({ dataDir, migrationsDir: 'migrations', outputPath: databasePath })
  const before = sha256(databasePath)
  const datasetFile = join(dataDir, 'dataset.yaml')
  writeFileSync(datasetFile, readFileSync(datasetFile, 'utf8').replace('0.0.0', '0.0.1'))

  const killed = start({ DATA_DIR: dataDir })
  await buildUnderWay(killed)
  killed.child.kill('SIGKILL')
  await killed.exited
  expect(killed.log()).toContain('is older than the data')
  expect(sha256(databasePath)).toBe(before)
  const old = new Database(databasePath, { readonly: true })
  expect(old.pragma('integrity_check', { simple: true })).toBe('ok')
  old.close()

  // killed before it ended, it left its two files, and no journals beside them
  expect(readdirSync(dir).filter((name) => name.includes('.tmp')).sort()).toEqual([
    expect.stringMatching(/^facts\.sqlite\.build-[0-9a-f]{12}\.tmp$/),
    expect.stringMatching(/^facts\.sqlite\.build-[0-9a-f]{12}\.tmp\.staging$/)
  ])
  // without data to compare against, a start serves the file as it is: the old version, whole
  const asItIs = start({ DATA_DIR: join(dir, 'no-data') })
  expect(await meta(asItIs)).toMatchObject({ version: '0.0.0', counts: { facts: 12_000 } })
  asItIs.child.kill('SIGKILL')

  const next = start({ DATA_DIR: dataDir })
  expect(await meta(next)).toMatchObject({ version: '0.0.1', counts: { facts: 12_000 } })
  // the killed builder held the build lock, and the kernel released it with the process
  expect(next.log()).not.toContain('waiting')
  expect(readdirSync(dir).sort()).toEqual(['db', 'facts.sqlite', 'facts.sqlite.lock'])
})

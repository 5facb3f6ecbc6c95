import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { startLoggedServer, type LoggedProcess } from '../helpers/logged-process.js'
import { FIXTURE_DATA_DIR } from '../helpers/paths.js'

// Two replicas of the service on one volume, started together with no database yet: one builds
// it, the other waits for that build and serves the same file, never building over it.
const dir = mkdtempSync(join(tmpdir(), 'facts-replicas-'))
const databasePath = join(dir, 'facts.sqlite')
const replicas: LoggedProcess[] = []
afterAll(() => {
  for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill('SIGKILL')
  rmSync(dir, { recursive: true, force: true })
})

const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/

test('two replicas starting together on one missing database build it once, and both serve it', async () => {
  // the test is a third builder holding the lock, so that both replicas surely meet a build in progress
  const lock = new Database(`${databasePath}.lock`)
  lock.exec('BEGIN EXCLUSIVE')
  try {
    replicas.push(startLoggedServer({ DATABASE_PATH: databasePath, DATA_DIR: FIXTURE_DATA_DIR }))
    replicas.push(startLoggedServer({ DATABASE_PATH: databasePath, DATA_DIR: FIXTURE_DATA_DIR }))
    for (const replica of replicas) {
      const [line] = await replica.waitFor(/being built by another process: waiting|Server listening/)
      expect(line).toContain('waiting')
    }
  } finally {
    lock.close()
  }
  const bases = await Promise.all(replicas.map(async (replica) => (await replica.waitFor(LISTENING))[1]!))

  const logs = replicas.map((replica) => replica.log())
  expect(logs.filter((log) => log.includes('is missing: building it'))).toHaveLength(1)
  expect(logs.filter((log) => log.includes('was built by another process meanwhile: using it'))).toHaveLength(1)
  const metas = await Promise.all(bases.map(async (base) => (await fetch(`${base}/v1/meta`)).json() as Promise<{ builtAt: string; contentHash: string }>))
  // one build: the same build time, not two builds of the same data
  expect(metas[1]).toEqual(metas[0])

  const db = new Database(databasePath, { readonly: true })
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.prepare("SELECT value FROM dataset_info WHERE key = 'built_at'").pluck().get()).toBe(metas[0]!.builtAt)
  db.close()
  expect(readdirSync(dir).sort()).toEqual(['facts.sqlite', 'facts.sqlite.lock'])
})

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, expect, test, vi } from 'vitest'
import { buildDatabase } from '../../src/database/build-database.js'
import { newBuildFiles } from '../../src/database/build-temp-files.js'
import { copyFixture } from '../helpers/fixture-copy.js'

const scratch: string[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true })
})

test('two builds with the same pid in the same millisecond write different temporary files', () => {
  // replicas in containers are each pid 1, and may start together
  vi.spyOn(Date, 'now').mockReturnValue(1_764_000_000_000)
  const first = newBuildFiles('/data/facts.sqlite')
  const second = newBuildFiles('/data/facts.sqlite')
  expect(first.temporary).not.toBe(second.temporary)
  expect(first.staging).not.toBe(second.staging)
  expect(first.temporary.startsWith('/data/facts.sqlite.')).toBe(true)
})

test("the next build deletes what killed builds left behind, and nothing else", () => {
  const copy = copyFixture()
  scratch.push(copy.dir)
  const out = join(copy.dir, 'out')
  mkdirSync(out)
  const killed = newBuildFiles(join(out, 'facts.sqlite'))
  // a build killed while staging: a real, half-written SQLite file and its staging file
  const half = new Database(killed.temporary)
  half.exec('CREATE TABLE facts (id TEXT); INSERT INTO facts VALUES (1)')
  half.close()
  writeFileSync(killed.staging, 'staged rows')
  // as builds before the lock named them, <output>.<pid>.<ms>.tmp, with their journals as files
  for (const suffix of ['.tmp', '.tmp-journal', '.tmp.staging', '.tmp.staging-journal']) {
    writeFileSync(join(out, `facts.sqlite.1.1764000000000${suffix}`), '')
  }
  const unrelated = ['facts.sqlite.bak', 'other.sqlite.build-0a1b2c.tmp', 'facts.sqlite.build-0a1b2c.tmp.old', 'notes.tmp']
  for (const name of unrelated) writeFileSync(join(out, name), 'keep me')

  buildDatabase({ dataDir: copy.dataDir, migrationsDir: 'migrations', outputPath: join(out, 'facts.sqlite') })
  expect(readdirSync(out).sort()).toEqual(['facts.sqlite', 'facts.sqlite.lock', ...unrelated].sort())
})

import { spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { copyFixture } from '../helpers/fixture-copy.js'

const copy = copyFixture()
afterAll(() => rmSync(copy.dir, { recursive: true, force: true }))

test('invalid curated data stops the start with the file, fact id and reason, and no database', () => {
  copy.edit('facts/fixture-facts.yaml', (t) => t.replace('- assessment', '- judgement'))
  const databasePath = join(copy.dir, 'facts.sqlite')
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { ...process.env, PORT: '0', DATA_DIR: copy.dataDir, DATABASE_PATH: databasePath },
    encoding: 'utf8',
    timeout: 30_000
  })
  expect(result.status).toBe(1)
  expect(result.stdout).toMatch(/fixture-facts\.yaml \[fx-limited-efforts\] categories\[0\]: unknown category \\"judgement\\"/)
  expect(existsSync(databasePath)).toBe(false)
})

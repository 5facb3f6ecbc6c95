import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { openDatabase } from '../../src/database/open-database.js'
import { copyFixture } from '../helpers/fixture-copy.js'

const copy = copyFixture()
const databasePath = join(copy.dir, 'served.sqlite')
const messages: string[] = []
const open = () => openDatabase({ databasePath, dataDir: copy.dataDir, migrationsDir: 'migrations', log: { info: (m) => messages.push(m) } })
const statementOf = (id: string) => {
  const db = open()
  const statement = db.prepare('SELECT statement FROM facts WHERE id = ?').pluck().get(id)
  db.close()
  return statement
}
afterAll(() => rmSync(copy.dir, { recursive: true, force: true }))

test('builds a missing database, reuses a current one, rebuilds one older than the data', () => {
  expect(statementOf('fx-limited-efforts')).toBe('Overall the state did little.')
  expect(messages.splice(0)).toEqual([expect.stringContaining('is missing: building it')])

  const builtAt = statSync(databasePath).mtimeMs
  expect(statementOf('fx-limited-efforts')).toBe('Overall the state did little.')
  expect(messages.splice(0)).toEqual([])
  expect(statSync(databasePath).mtimeMs).toBe(builtAt)

  copy.edit('facts/fixture-facts.yaml', (t) => t.replace('Overall the state did little.', 'Overall the state did very little.'))
  expect(statementOf('fx-limited-efforts')).toBe('Overall the state did very little.')
  expect(messages.splice(0)).toEqual([expect.stringContaining('is older than the data')])
})

test('the served connection is read-only', () => {
  const db = open()
  expect(() => db.exec("DELETE FROM facts WHERE id = 'fx-limited-efforts'")).toThrow(/readonly|query_only/i)
  db.close()
})

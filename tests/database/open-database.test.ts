import { appendFileSync, cpSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { ForeignDatabaseError, openDatabase } from '../../src/database/open-database.js'
import { copyFixture } from '../helpers/fixture-copy.js'

const copy = copyFixture()
const databasePath = join(copy.dir, 'served.sqlite')
const messages: string[] = []
const open = () => openDatabase({ databasePath, dataDir: copy.dataDir, migrationsDir: 'migrations', log: { info: (m) => messages.push(m) } })
const statementOf = (id: string) => {
  const db = open()
  const statement = JSON.parse(db.prepare('SELECT json FROM facts WHERE id = ?').pluck().get(id) as string).statement
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

test('a changed migration rebuilds the database: a new schema never meets an old file', () => {
  const migrations = join(copy.dir, 'migrations')
  cpSync('migrations', migrations, { recursive: true })
  const openWith = () => openDatabase({ databasePath, dataDir: copy.dataDir, migrationsDir: migrations, log: { info: (m) => messages.push(m) } })
  openWith().close()
  messages.splice(0)
  appendFileSync(join(migrations, '001_schema.sql'), '\n-- a comment changes the bytes\n')
  openWith().close()
  expect(messages).toEqual([expect.stringContaining('is older than the data')])
})

test('a data file touched but unchanged does not rebuild the database', () => {
  open().close()
  messages.splice(0)
  const builtAt = statSync(databasePath).mtimeMs
  const file = join(copy.dataDir, 'dataset.yaml')
  utimesSync(file, new Date(), new Date(Date.now() + 5_000))
  open().close()
  expect(messages).toEqual([])
  expect(statSync(databasePath).mtimeMs).toBe(builtAt)
})

test.each([
  ['a file that is not SQLite', 'this is not a database\n'.repeat(100)],
  ['an empty file', '']
])('%s at DATABASE_PATH is never overwritten: the start stops naming the path', (_name, content) => {
  const foreign = join(copy.dir, 'foreign.sqlite')
  writeFileSync(foreign, content)
  const openForeign = () => openDatabase({ databasePath: foreign, dataDir: copy.dataDir, migrationsDir: 'migrations', log: { info: () => {} } })
  expect(openForeign).toThrow(ForeignDatabaseError)
  expect(openForeign).toThrow(foreign)
  expect(readFileSync(foreign, 'utf8')).toBe(content)
})

test('another application\'s SQLite database at DATABASE_PATH is never overwritten', async () => {
  const { default: Database } = await import('better-sqlite3')
  const foreign = join(copy.dir, 'other-app.sqlite')
  const other = new Database(foreign)
  other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')")
  other.close()
  expect(() => openDatabase({ databasePath: foreign, dataDir: copy.dataDir, migrationsDir: 'migrations', log: { info: () => {} } })).toThrow(ForeignDatabaseError)
  const check = new Database(foreign, { readonly: true })
  expect(check.prepare('SELECT body FROM notes').pluck().get()).toBe('keep me')
  check.close()
})

test('the served connection is read-only', () => {
  const db = open()
  expect(() => db.exec("DELETE FROM facts WHERE id = 'fx-limited-efforts'")).toThrow(/readonly|query_only/i)
  db.close()
})

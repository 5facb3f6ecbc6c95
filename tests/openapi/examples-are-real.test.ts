import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqlite } from '../../src/database/sqlite.js'
import { afterAll, expect, test } from 'vitest'
import { buildDatabase } from '../../src/database/build-database.js'
import { createFactsRepository } from '../../src/repositories/facts/facts-repository.js'
import { factSchema } from '../../src/schemas/fact.js'

// The docs show a fact as the API really serves it from the shipped data, not an invented one.
const dir = mkdtempSync(join(tmpdir(), 'facts-examples-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

test('the Fact example in the OpenAPI document is a shipped fact, exactly as served', () => {
  const path = join(dir, 'shipped.sqlite')
  buildDatabase({ dataDir: 'db', migrationsDir: 'migrations', outputPath: path })
  const db = openSqlite(path, { readonly: true })
  const example = (factSchema.meta()?.examples as unknown[] | undefined)?.[0] as { id: string }
  expect(createFactsRepository(db).findById(example.id)).toEqual(example)
  db.close()
})

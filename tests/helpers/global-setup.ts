import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildDatabase } from '../../src/database/build-database.js'
import { FIXTURE_DATA_DIR } from './paths.js'

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureDatabasePath: string
  }
}

// The fixture database is built once for the whole run, through the same pipeline as db/.
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'facts-test-'))
  const path = join(dir, 'fixture.sqlite')
  buildDatabase({ dataDir: FIXTURE_DATA_DIR, migrationsDir: 'migrations', outputPath: path })
  project.provide('fixtureDatabasePath', path)
  return () => rmSync(dir, { recursive: true, force: true })
}

import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { CurationError } from '../../src/curation/curation-error.js'
import { buildDatabase } from '../../src/database/build-database.js'
import { copyFixture } from './fixture-copy.js'

/**
 * Builds a scratch copy of the fixture data (or of `from`) with one file changed, and returns the
 * message of the CurationError the build must fail with (the test fails if it succeeds or fails
 * otherwise). A change to a file that does not exist yet creates it from the empty string.
 */
export function curationFailure(file: string, change: (text: string) => string, from?: string): string {
  const copy = copyFixture(from)
  try {
    if (!existsSync(join(copy.dataDir, file))) writeFileSync(join(copy.dataDir, file), '')
    copy.edit(file, change)
    try {
      buildDatabase({ dataDir: copy.dataDir, migrationsDir: 'migrations', outputPath: join(copy.dir, 'out.sqlite') })
    } catch (error) {
      expect(error).toBeInstanceOf(CurationError)
      return (error as CurationError).message
    }
    throw new Error(`the build succeeded with ${file} changed`)
  } finally {
    rmSync(copy.dir, { recursive: true, force: true })
  }
}

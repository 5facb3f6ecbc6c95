import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A cheap fingerprint of the curated files as they lie on disk (names and bytes), so a start
 * can tell whether the database is older than the data without parsing and validating it all.
 */
export function hashDataFiles(dataDir: string): string {
  const hash = createHash('sha256')
  const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(join(dataDir, name)).isFile())
    .sort()
  for (const name of files) {
    hash.update(name).update('\0').update(readFileSync(join(dataDir, name))).update('\0')
  }
  return hash.digest('hex')
}

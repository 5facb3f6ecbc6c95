import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export interface DataFingerprint {
  /** Names, sizes and modification times: a few stat calls, whatever the data's size. */
  metadata: string
  /** Names and bytes: read on demand, when the metadata differ (a copy, a checkout, a touch). */
  bytes: () => string
}

/**
 * Fingerprints of the curated files as they lie on disk, so a start can tell whether the
 * database is older than the data without parsing it, and usually without reading it.
 */
export function fingerprintDataFiles(dataDir: string): DataFingerprint {
  const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' })
    .map((name) => ({ name, stat: statSync(join(dataDir, name)) }))
    .filter((f) => f.stat.isFile())
    .sort((a, b) => (a.name < b.name ? -1 : 1))
  const metadata = createHash('sha256')
  for (const { name, stat } of files) metadata.update(`${name}\0${stat.size}\0${stat.mtimeMs}\0`)
  return {
    metadata: metadata.digest('hex'),
    bytes() {
      const hash = createHash('sha256')
      for (const { name } of files) hash.update(name).update('\0').update(readFileSync(join(dataDir, name))).update('\0')
      return hash.digest('hex')
    }
  }
}

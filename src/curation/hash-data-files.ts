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
 * Fingerprints of what a database is built from, as it lies on disk: the curated files, the
 * migrations and the build's own format version. A start tells from them whether the database
 * is older than its inputs without parsing them, and usually without reading them.
 */
export function fingerprintDataFiles(dataDir: string, migrationsDir: string, buildFormat: number): DataFingerprint {
  const list = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => ({ path: join(dir, name), name: `${dir === dataDir ? 'data' : 'migrations'}/${name}` }))
      .map((f) => ({ ...f, stat: statSync(f.path) }))
      .filter((f) => f.stat.isFile())
      .sort((a, b) => (a.name < b.name ? -1 : 1))
  const files = [...list(dataDir), ...list(migrationsDir)]
  const metadata = createHash('sha256').update(`format ${buildFormat}\0`)
  for (const { name, stat } of files) metadata.update(`${name}\0${stat.size}\0${stat.mtimeMs}\0`)
  return {
    metadata: metadata.digest('hex'),
    bytes() {
      const hash = createHash('sha256').update(`format ${buildFormat}\0`)
      for (const { name, path } of files) hash.update(name).update('\0').update(readFileSync(path)).update('\0')
      return hash.digest('hex')
    }
  }
}

import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { fingerprintDataFiles } from '../curation/hash-data-files.js'
import { BUILD_FORMAT, writeDatabase } from './build-database.js'
import { holdingBuildLock } from './build-lock.js'

export interface OpenOptions {
  databasePath: string
  dataDir: string
  migrationsDir: string
  log: { info: (message: string) => void }
}

/** A file at DATABASE_PATH that this service did not build: never overwritten, never served. */
export class ForeignDatabaseError extends Error {
  override name = 'ForeignDatabaseError'
}

interface BuiltFrom {
  fingerprint: string | undefined
  hash: string | undefined
}

/**
 * Opens the served database read-only, building it first when it is missing or was built from
 * other curated files or migrations than there are now (so editing `db/` and restarting
 * serves the edit). Staleness is decided from the files' names, sizes and times, and only when those
 * differ from their bytes: a start never parses the data. Replicas starting together on one
 * volume build it once: the others wait for the build lock, then find it current.
 */
export function openDatabase({ databasePath, dataDir, migrationsDir, log }: OpenOptions): Database.Database {
  if (whyBuild(databasePath, dataDir, migrationsDir)) {
    const onWait = () => log.info(`database ${databasePath} is being built by another process: waiting for it`)
    holdingBuildLock(databasePath, () => {
      // asked again under the lock: another process may have built it since
      const reason = whyBuild(databasePath, dataDir, migrationsDir)
      if (!reason) return log.info(`database ${databasePath} was built by another process meanwhile: using it`)
      log.info(reason)
      writeDatabase({ dataDir, migrationsDir, outputPath: databasePath })
    }, { onWait })
  }
  const db = new Database(databasePath, { readonly: true, fileMustExist: true })
  db.exec('PRAGMA query_only = ON')
  return db
}

/** Why the database must be (re)built, as the line to log; undefined when it is current. */
function whyBuild(databasePath: string, dataDir: string, migrationsDir: string): string | undefined {
  if (!existsSync(databasePath)) return `database ${databasePath} is missing: building it from ${dataDir}`
  if (existsSync(dataDir) && isStale(builtFrom(databasePath), dataDir, migrationsDir)) {
    return `database ${databasePath} is older than the data in ${dataDir}: rebuilding it`
  }
  return undefined
}

function isStale(built: BuiltFrom, dataDir: string, migrationsDir: string): boolean {
  const current = fingerprintDataFiles(dataDir, migrationsDir, BUILD_FORMAT)
  return built.fingerprint !== current.metadata && built.hash !== current.bytes()
}

function builtFrom(databasePath: string): BuiltFrom {
  let db: Database.Database | undefined
  try {
    db = new Database(databasePath, { readonly: true, fileMustExist: true })
    const rows = db.prepare("SELECT key, value FROM dataset_info WHERE key IN ('files_fingerprint', 'files_hash', 'content_hash')").raw().all() as [string, string][]
    const values = new Map(rows)
    if (!values.has('content_hash')) throw new Error('no content hash')
    return { fingerprint: values.get('files_fingerprint'), hash: values.get('files_hash') }
  } catch {
    throw new ForeignDatabaseError(
      `${databasePath} is not a database this service built (unreadable, corrupt or another schema); ` +
        'it was left untouched: move it away or set DATABASE_PATH to another file'
    )
  } finally {
    db?.close()
  }
}

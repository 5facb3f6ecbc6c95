import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { hashDataFiles } from '../curation/hash-data-files.js'
import { buildDatabase } from './build-database.js'

export interface OpenOptions {
  databasePath: string
  dataDir: string
  migrationsDir: string
  log: { info: (message: string) => void }
}

/**
 * Opens the served database read-only, building it first when it is missing or was built
 * from other curated files than the data directory holds now (so editing `db/` and
 * restarting serves the edit). The comparison hashes the files' bytes: no parsing at start.
 */
export function openDatabase({ databasePath, dataDir, migrationsDir, log }: OpenOptions): Database.Database {
  if (!existsSync(databasePath)) {
    log.info(`database ${databasePath} is missing: building it from ${dataDir}`)
    buildDatabase({ dataDir, migrationsDir, outputPath: databasePath })
  } else if (existsSync(dataDir) && builtFrom(databasePath) !== hashDataFiles(dataDir)) {
    log.info(`database ${databasePath} is older than the data in ${dataDir}: rebuilding it`)
    buildDatabase({ dataDir, migrationsDir, outputPath: databasePath })
  }
  const db = new Database(databasePath, { readonly: true, fileMustExist: true })
  db.exec('PRAGMA query_only = ON')
  return db
}

function builtFrom(databasePath: string): string | undefined {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true })
  try {
    return db.prepare("SELECT value FROM dataset_info WHERE key = 'files_hash'").pluck().get() as string | undefined
  } catch {
    return undefined
  } finally {
    db.close()
  }
}

import { mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { hashDataFiles } from '../curation/hash-data-files.js'
import { loadCuratedData, type CuratedData } from '../curation/load-curated-data.js'
import { applyMigrations, readMigrations } from './apply-migrations.js'
import { insertCuratedData } from './insert-curated-data.js'

export interface BuildOptions {
  dataDir: string
  migrationsDir: string
  outputPath: string
  now?: Date
}

export interface BuildResult {
  contentHash: string
  facts: number
  sources: number
}

/**
 * Validates the curated data, then writes the database to a temporary file in one
 * transaction and renames it into place, so a failed build never leaves a half-built
 * database where the server would open it.
 */
export function buildDatabase({ dataDir, migrationsDir, outputPath, now = new Date() }: BuildOptions): BuildResult {
  const data: CuratedData = loadCuratedData(dataDir)
  const migrations = readMigrations(migrationsDir)
  mkdirSync(dirname(outputPath), { recursive: true })
  const temporaryPath = `${outputPath}.${process.pid}.${Date.now()}.tmp`
  try {
    const db = new Database(temporaryPath)
    try {
      db.exec('PRAGMA journal_mode = DELETE')
      db.exec('PRAGMA foreign_keys = ON')
      db.transaction(() => {
        applyMigrations(db, migrations, now.toISOString())
        insertCuratedData(db, data, { builtAt: now, filesHash: hashDataFiles(dataDir) })
      })()
      db.exec('ANALYZE')
      db.exec('VACUUM')
    } finally {
      db.close()
    }
    renameSync(temporaryPath, outputPath)
  } catch (error) {
    rmSync(temporaryPath, { force: true })
    throw error
  }
  return { contentHash: data.contentHash, facts: data.facts.length, sources: data.sources.length }
}

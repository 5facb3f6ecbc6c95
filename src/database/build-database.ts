import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { fingerprintDataFiles } from '../curation/hash-data-files.js'
import { openCuratedData } from '../curation/open-curated-data.js'
import { applyMigrations, readMigrations } from './apply-migrations.js'
import { holdingBuildLock } from './build-lock.js'
import { newBuildFiles } from './build-temp-files.js'
import { createFactStager } from './stage-facts.js'
import { StagedDimensions } from './staged-dimensions.js'
import { writeFactIndex } from './write-fact-index.js'

export interface BuildOptions {
  dataDir: string
  migrationsDir: string
  outputPath: string
  now?: Date
  /** Called every few thousand facts with the number staged so far. */
  onProgress?: (factsStaged: number) => void
  /** Words in more facts than this get a stored posting list (default: by dataset size). */
  commonWordFacts?: number
}

export interface BuildResult {
  contentHash: string
  facts: number
  sources: number
}

const PROGRESS_EVERY = 10_000

/** Raise when the build writes something else from the same inputs: older databases are rebuilt. */
export const BUILD_FORMAT = 4

/**
 * Builds `outputPath` from the curated data, after any build of it that another process is
 * running (see holdingBuildLock); `onLockWait` is told when this one has to wait.
 */
export function buildDatabase(options: BuildOptions & { onLockWait?: () => void }): BuildResult {
  return holdingBuildLock(options.outputPath, () => writeDatabase(options), { onWait: options.onLockWait })
}

/**
 * Streams the curated data into a new database: each fact is validated and staged as it is
 * read, then numbered and indexed once at the end. Everything is written to a temporary file
 * and renamed into place, so a failed or killed build never leaves a half-built database
 * where the server would open it, and a reader sees the old file or the new one, never a mix.
 * Memory stays flat in the number of facts: only ids, conflict flags and the posting lists
 * (4 bytes per fact and value) are held. Call it only while holding the build lock, which owns
 * the temporary names.
 */
export function writeDatabase({ dataDir, migrationsDir, outputPath, now = new Date(), onProgress, commonWordFacts }: BuildOptions): BuildResult {
  const fingerprint = fingerprintDataFiles(dataDir, migrationsDir, BUILD_FORMAT)
  const stream = openCuratedData(dataDir)
  const migrations = readMigrations(migrationsDir)
  const afterLoad = readFileSync(join(migrationsDir, 'after-load.sql'), 'utf8')
  const { temporary: temporaryPath, staging: stagingPath } = newBuildFiles(outputPath)
  let facts = 0
  let contentHash: string
  try {
    const db = new Database(temporaryPath)
    try {
      // nothing is served from these files until the rename, so durability is moveIntoPlace's job;
      // the journals stay in memory (better-sqlite3's defensive mode silently ignores
      // journal_mode = OFF), where they hold only the few pages that existed before the build
      // and leave no -journal file behind when the build is killed
      db.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -32768')
      db.prepare('ATTACH DATABASE ? AS staging').run(stagingPath)
      db.exec(`PRAGMA staging.journal_mode = MEMORY; PRAGMA staging.synchronous = OFF;
        CREATE TABLE staging.staged_facts (
          id TEXT NOT NULL, year INTEGER, json TEXT NOT NULL, members BLOB NOT NULL,
          statement TEXT NOT NULL, quotes TEXT NOT NULL) STRICT`)
      db.transaction(() => {
        applyMigrations(db, migrations, now.toISOString())
        const dimensions = new StagedDimensions()
        const stage = createFactStager(db, stream.header, dimensions)
        for (const { fact } of stream.facts()) {
          stage(fact)
          if (++facts % PROGRESS_EVERY === 0) onProgress?.(facts)
        }
        contentHash = stream.finish().contentHash
        writeFactIndex(db, dimensions, commonWordFacts)
        db.exec(afterLoad)
        const info = db.prepare('INSERT INTO dataset_info (key, value) VALUES (?, ?)')
        info.run('title', stream.header.dataset.title)
        info.run('version', stream.header.dataset.version)
        info.run('released', stream.header.dataset.released)
        info.run('license', stream.header.dataset.license)
        info.run('content_hash', contentHash)
        info.run('built_at', now.toISOString())
        info.run('files_fingerprint', fingerprint.metadata)
        info.run('files_hash', fingerprint.bytes())
      })()
      db.exec('DETACH DATABASE staging')
      db.exec('ANALYZE')
    } finally {
      db.close()
    }
    moveIntoPlace(temporaryPath, outputPath)
  } catch (error) {
    rmSync(temporaryPath, { force: true })
    throw error
  } finally {
    rmSync(stagingPath, { force: true })
  }
  return { contentHash: contentHash!, facts, sources: stream.header.sources.length }
}

/**
 * The build wrote without syncing, so its bytes are flushed before the rename, and the rename
 * itself after: a power cut then leaves the old database or the new one, never a new name on
 * unwritten pages (which the next start would refuse as not built by this service).
 */
function moveIntoPlace(temporaryPath: string, outputPath: string): void {
  syncToDisk(temporaryPath)
  renameSync(temporaryPath, outputPath)
  syncToDisk(dirname(outputPath))
}

function syncToDisk(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

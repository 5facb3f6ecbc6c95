import { loadConfig } from '../config/config.js'
import { buildDatabase } from '../database/build-database.js'
import { progressLine } from './progress.js'

// `npm run db:build`: validate db/ and (re)write DATABASE_PATH, after any build of it already
// running; exit 1 naming every problem.
try {
  const config = loadConfig()
  const started = Date.now()
  const progress = progressLine('facts staged')
  const result = buildDatabase({
    onProgress: progress.update,
    onLockWait: () => console.log(`another process is building ${config.DATABASE_PATH}: waiting for it to finish`),
    dataDir: config.DATA_DIR,
    migrationsDir: config.MIGRATIONS_DIR,
    outputPath: config.DATABASE_PATH
  })
  progress.end()
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`built ${config.DATABASE_PATH}: ${result.facts} facts from ${result.sources} source(s) in ${seconds} s, content ${result.contentHash.slice(0, 12)}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}

import { loadConfig } from '../config/config.js'
import { buildDatabase } from '../database/build-database.js'

// `npm run db:build`: validate db/ and (re)write DATABASE_PATH; exit 1 naming every problem.
try {
  const config = loadConfig()
  const result = buildDatabase({
    dataDir: config.DATA_DIR,
    migrationsDir: config.MIGRATIONS_DIR,
    outputPath: config.DATABASE_PATH
  })
  console.log(`built ${config.DATABASE_PATH}: ${result.facts} facts from ${result.sources} source(s), content ${result.contentHash.slice(0, 12)}`)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}

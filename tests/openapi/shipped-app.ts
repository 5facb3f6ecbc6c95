import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildDatabase } from '../../src/database/build-database.js'
import { buildTestApp, type TestEnv } from '../helpers/build-test-app.js'

export interface ShippedApp {
  app: FastifyInstance
  databasePath: string
  close(): Promise<void>
}

/**
 * The app on a database freshly built from the shipped `db/`, as `npm run openapi` runs it: the
 * committed document lists the shipped vocabularies, which the fixture data need not share.
 */
export async function startShippedApp(env: TestEnv = {}): Promise<ShippedApp> {
  const dir = mkdtempSync(join(tmpdir(), 'facts-shipped-'))
  const databasePath = join(dir, 'shipped.sqlite')
  buildDatabase({ dataDir: 'db', migrationsDir: 'migrations', outputPath: databasePath })
  const app = await buildTestApp({ DATABASE_PATH: databasePath, DATA_DIR: 'db', ...env })
  return {
    app,
    databasePath,
    async close() {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

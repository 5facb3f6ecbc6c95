import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { buildDatabase } from '../src/database/build-database.js'
import { load, type LoadResult } from './load.js'
import { startPinned, stop, waitFor } from './processes.js'
import { seedUrls } from './url-mix.js'

const HOT = '/v1/facts?year=2013&category=prosecution&limit=20'
const JSON_SERVER_HOT = '/facts?year=2013&categories_like=prosecution&_limit=20'

/**
 * The hot path on the shipped data, against two baselines in the same run: bare Fastify
 * answering a constant, and json-server answering the same question from the same facts.
 */
export async function seedScenarios(dir: string, seconds: number): Promise<Record<string, LoadResult>> {
  const databasePath = join(dir, 'seed.sqlite')
  buildDatabase({ dataDir: 'db', migrationsDir: 'migrations', outputPath: databasePath })
  const db = new Database(databasePath, { readonly: true })
  const facts = (db.prepare('SELECT json FROM facts ORDER BY rowid').pluck().all() as string[]).map((j) => JSON.parse(j))
  db.close()
  const jsonFile = join(dir, 'json-server.json')
  writeFileSync(jsonFile, JSON.stringify({ facts }))

  const results: Record<string, LoadResult> = {}
  const run = async (name: string, port: number, command: string, args: string[], env: NodeJS.ProcessEnv, path: string | string[], ready: string) => {
    const server = startPinned(command, args, { PORT: String(port), ...env })
    try {
      await waitFor(`http://127.0.0.1:${port}${ready}`)
      await load(`http://127.0.0.1:${port}`, server.pid!, path, 1, 10) // warm-up
      results[name] = await load(`http://127.0.0.1:${port}`, server.pid!, path, seconds, 50)
    } finally {
      await stop(server)
    }
  }
  const node = process.execPath
  await run('bare Fastify GET /', 3911, node, ['--import', 'tsx', 'bench/bare-fastify.ts'], {}, '/', '/')
  await run('json-server, same facts and query', 3912, node, ['--import', 'tsx', 'bench/json-server.ts', jsonFile, '3912'], {}, JSON_SERVER_HOT, JSON_SERVER_HOT)
  const service = { DATABASE_PATH: databasePath, DATA_DIR: 'db', HOST: '127.0.0.1', RATE_LIMIT_MAX: '0', LOG_LEVEL: 'warn' }
  await run('service, hot filtered page', 3913, node, ['dist/server.js'], service, HOT, HOT)
  const urls = seedUrls(30_000)
  await run('service, 30,000 distinct URLs', 3914, node, ['dist/server.js'], service, urls, HOT)
  await run('service, 30,000 distinct URLs, response cache off', 3915, node, ['dist/server.js'], { ...service, RESPONSE_CACHE_MB: '0' }, urls, HOT)
  return results
}

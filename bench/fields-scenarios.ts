import { load, type LoadResult } from './load.js'
import { startPinned, stop, waitFor } from './processes.js'

const FULL = '/v1/facts?limit=20'
const FIELDS = '/v1/facts?limit=20&fields=id,statement,year'

export interface FieldsResult {
  full: LoadResult & { bytes: number }
  fields: LoadResult & { bytes: number }
  cpuRatio: number
  sizeRatio: number
}

/**
 * `fields=id,statement,year` against the whole page, on one server, in the same run: both with
 * the response cache off, so every request is answered by the route, not replayed.
 */
export async function fieldsScenarios(databasePath: string, seconds: number): Promise<FieldsResult> {
  const port = 3916
  const base = `http://127.0.0.1:${port}`
  const env = { PORT: String(port), DATABASE_PATH: databasePath, DATA_DIR: 'db', HOST: '127.0.0.1', RATE_LIMIT_MAX: '0', LOG_LEVEL: 'warn', RESPONSE_CACHE_MB: '0' }
  const server = startPinned(process.execPath, ['dist/server.js'], env)
  try {
    await waitFor(`${base}${FULL}`)
    const bytes = async (path: string) => (await (await fetch(`${base}${path}`)).arrayBuffer()).byteLength
    const measure = async (path: string) => {
      await load(base, server.pid!, path, 1, 10) // warm-up
      return { ...(await load(base, server.pid!, path, seconds, 50)), bytes: await bytes(path) }
    }
    const full = await measure(FULL)
    const fields = await measure(FIELDS)
    return { full, fields, cpuRatio: fields.cpuUs / full.cpuUs, sizeRatio: full.bytes / fields.bytes }
  } finally {
    await stop(server)
  }
}

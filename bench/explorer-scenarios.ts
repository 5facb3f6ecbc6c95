import { load, type LoadResult } from './load.js'
import { startPinned, stop, waitFor } from './processes.js'
import { seedUrls } from './url-mix.js'

const QUERY = 'year=2013&category=prosecution&limit=20'
const FACT = 'ru-2013-sex-trafficking-prosecutions'

export interface ExplorerFigures {
  http: Record<string, LoadResult>
  /** Server CPU per request of each page over its API call, same run. */
  ratios: Record<string, number>
  /** Uncompressed bytes of each page's HTML, and of the stylesheet and script every page loads. */
  weights: Record<string, number>
}

/**
 * The explorer's pages against the API calls they stand beside, on the shipped data, each
 * pair in the same run: a page answers what its API call does, plus the facets and the
 * template (the list), or a CSL processor's formatting (a fact).
 */
export async function explorerScenarios(databasePath: string, seconds: number): Promise<ExplorerFigures> {
  const http: Record<string, LoadResult> = {}
  const service = { DATABASE_PATH: databasePath, DATA_DIR: 'db', HOST: '127.0.0.1', RATE_LIMIT_MAX: '0', LOG_LEVEL: 'warn' }
  const run = async (port: number, env: NodeJS.ProcessEnv, scenarios: Record<string, string | string[]>) => {
    const server = startPinned(process.execPath, ['dist/server.js'], { PORT: String(port), ...service, ...env })
    const base = `http://127.0.0.1:${port}`
    try {
      await waitFor(`${base}/`)
      for (const [name, path] of Object.entries(scenarios)) {
        // one request alone first: the first fact page builds the CSL engines (seconds)
        await fetch(`${base}${typeof path === 'string' ? path : path[0]}`)
        await load(base, server.pid!, path, 1, 10) // warm-up
        http[name] = await load(base, server.pid!, path, seconds, 50)
      }
    } finally {
      await stop(server)
    }
  }
  // every request rendered: the response cache off (the repository's own memo stays on, for both)
  await run(3921, { RESPONSE_CACHE_MB: '0' }, {
    'API /v1/facts, same URL, response cache off': `/v1/facts?${QUERY}`,
    'explorer /, same URL, response cache off': `/?${QUERY}`,
    'API /v1/facts/{id}, response cache off': `/v1/facts/${FACT}`,
    'explorer /facts/{id}, response cache off': `/facts/${FACT}`
  })
  // as deployed: 30,000 distinct URLs, each kept by the response cache from its second request
  const urls = seedUrls(30_000)
  await run(3922, {}, {
    'API /v1/facts, 30,000 distinct URLs': urls,
    'explorer /, the same 30,000 query strings': urls.map((u) => u.replace('/v1/facts?', '/?')),
    // the page lists the facets too: the API's two calls for the same view, summed below
    'API /v1/facts/facets, the same query strings': urls.map((u) => u.replace('/v1/facts?', '/v1/facts/facets?').replace(/&limit=\d+/, ''))
  })
  const ratio = (page: string, api: string) => http[page]!.cpuUs / http[api]!.cpuUs
  const ratios = {
    'explorer / over /v1/facts, cache off': ratio('explorer /, same URL, response cache off', 'API /v1/facts, same URL, response cache off'),
    'explorer /facts/{id} over /v1/facts/{id}, cache off': ratio('explorer /facts/{id}, response cache off', 'API /v1/facts/{id}, response cache off'),
    'explorer / over /v1/facts, 30,000 distinct URLs': ratio('explorer /, the same 30,000 query strings', 'API /v1/facts, 30,000 distinct URLs'),
    'explorer / over /v1/facts + /v1/facts/facets, 30,000 distinct URLs':
      http['explorer /, the same 30,000 query strings']!.cpuUs /
      (http['API /v1/facts, 30,000 distinct URLs']!.cpuUs + http['API /v1/facts/facets, the same query strings']!.cpuUs)
  }
  return { http, ratios, weights: await pageWeights(databasePath) }
}

async function pageWeights(databasePath: string): Promise<Record<string, number>> {
  const server = startPinned(process.execPath, ['dist/server.js'], { PORT: '3923', DATABASE_PATH: databasePath, DATA_DIR: 'db', HOST: '127.0.0.1', LOG_LEVEL: 'warn' })
  const size = async (path: string) => (await (await fetch(`http://127.0.0.1:3923${path}`, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()).byteLength
  try {
    await waitFor('http://127.0.0.1:3923/')
    return {
      'explorer / (20 facts, all facets)': await size('/'),
      'explorer /?limit=100': await size('/?limit=100'),
      'fact page': await size(`/facts/${FACT}`),
      'source page (the shipped source, 5,658 characters)': await size('/sources/ru-trafficking-excerpts'),
      'explorer.css': await size('/assets/explorer.css'),
      'copy.js': await size('/assets/copy.js')
    }
  } finally {
    await stop(server)
  }
}

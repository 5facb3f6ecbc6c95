import { getHeapStatistics } from 'node:v8'
import { z } from 'zod'

const port = z.coerce.number().int().min(0).max(65535)
const nonNegativeInt = z.coerce.number().int().min(0)
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')

// Shed load before V8 runs out of heap, whatever limit --max-old-space-size set.
const defaultHeapLimitMb = Math.floor((getHeapStatistics().heap_size_limit * 0.9) / (1024 * 1024))

export const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_PATH: z.string().min(1).default('data/facts.sqlite').describe('The SQLite file served (read-only).'),
  DATA_DIR: z.string().min(1).default('db').describe('Curated data the database is built from when missing.'),
  MIGRATIONS_DIR: z.string().min(1).default('migrations'),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://facts.example.org' })
    .refine((u) => !/[?#]/.test(u), 'must have no query or fragment')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional()
    .describe('Public address of the service (scheme, host, optional path), for the links it writes; the request host when unset.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_MAX: nonNegativeInt.default(300).describe('Requests per minute per client; 0 turns rate limiting off.'),
  CACHE_MAX_AGE: nonNegativeInt.default(300).describe('Seconds for Cache-Control max-age on data endpoints.'),
  TRUST_PROXY: flag.default(false).describe('Take the client address from X-Forwarded-For (behind a load balancer).'),
  REQUEST_TIMEOUT_MS: nonNegativeInt.default(10_000),
  SHUTDOWN_GRACE_MS: nonNegativeInt.default(10_000).describe('After SIGTERM, time left for answers in flight (exports) before the process exits anyway.'),
  RESPONSE_CACHE_MB: nonNegativeInt.default(16).describe('Megabytes of finished JSON answers kept per process; 0 turns the cache off.'),
  MAX_EVENT_LOOP_DELAY_MS: nonNegativeInt.default(1000).describe('Mean event-loop delay above which requests get 503; 0 turns the check off.'),
  MAX_HEAP_USED_MB: nonNegativeInt.default(defaultHeapLimitMb).describe('Heap use above which requests get 503 (default 90 % of the V8 heap limit); 0 turns the check off.')
})

export type Config = z.output<typeof configSchema>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Validates the environment once; the message names every bad variable on one line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]]))
  )
  const parsed = configSchema.safeParse(relevant)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(relevant[String(i.path[0])])}: ${i.message}`)
  throw new ConfigError(`invalid configuration: ${problems.join('; ')}`)
}

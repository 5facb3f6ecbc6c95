import Fastify, { type FastifyInstance } from 'fastify'
import { inject } from 'vitest'
import app, { serverOptions } from '../../src/app.js'
import { configSchema, type Config } from '../../src/config/config.js'
import { FIXTURE_DATA_DIR } from './paths.js'

export type TestEnv = Partial<Record<keyof Config, string>>

export function testConfig(env: TestEnv = {}): Config {
  return configSchema.parse({
    DATABASE_PATH: inject('fixtureDatabasePath'),
    DATA_DIR: FIXTURE_DATA_DIR,
    RATE_LIMIT_MAX: '0',
    // tests build databases synchronously in the same process: that is no reason to shed load
    MAX_EVENT_LOOP_DELAY_MS: '0',
    LOG_LEVEL: 'silent',
    ...env
  })
}

/** The app as run-server.ts builds it, on the fixture database; use `inject` to call it. */
export async function buildTestApp(env: TestEnv = {}): Promise<FastifyInstance> {
  const config = testConfig(env)
  const server = Fastify({ ...serverOptions(config), logger: false })
  await server.register(app, config)
  await server.ready()
  return server
}

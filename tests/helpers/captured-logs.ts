import Fastify, { type FastifyInstance } from 'fastify'
import app, { serverOptions } from '../../src/app.js'
import { testConfig, type TestEnv } from './build-test-app.js'

export type LogLine = Record<string, unknown> & { level: number; msg: string }

/** The app as buildTestApp builds it, but logging at `level` into `lines` (newest last). */
export async function buildLoggingApp(level: string, env: TestEnv = {}): Promise<{ app: FastifyInstance; lines: LogLine[] }> {
  const lines: LogLine[] = []
  const config = testConfig(env)
  const server = Fastify({
    ...serverOptions(config),
    logger: { level, stream: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) } }
  })
  await server.register(app, config)
  await server.ready()
  return { app: server, lines }
}

/** The lines logged while `action` ran. */
export async function linesDuring(lines: LogLine[], action: () => Promise<unknown>): Promise<LogLine[]> {
  const from = lines.length
  await action()
  return lines.slice(from)
}

import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildLoggingApp, linesDuring, type LogLine } from '../helpers/captured-logs.js'

// An orchestrator polls the probes every few seconds on every replica: at info level they
// would be most of the log.
let info: { app: FastifyInstance; lines: LogLine[] }
let debug: { app: FastifyInstance; lines: LogLine[] }
beforeAll(async () => {
  info = await buildLoggingApp('info')
  debug = await buildLoggingApp('debug')
})
afterAll(async () => {
  await info.app.close()
  await debug.app.close()
})

test('probes log nothing at info level, where other requests do', async () => {
  for (const url of ['/healthz', '/readyz']) {
    const lines = await linesDuring(info.lines, () => info.app.inject(url))
    expect(lines, url).toEqual([])
  }
  const lines = await linesDuring(info.lines, () => info.app.inject('/v1/meta'))
  expect(lines.map((l) => l.msg)).toEqual(['incoming request', 'request completed'])
})

test('probes are logged at debug level', async () => {
  for (const url of ['/healthz', '/readyz']) {
    const lines = await linesDuring(debug.lines, () => debug.app.inject(url))
    expect(lines.map((l) => l.msg), url).toEqual(['incoming request', 'request completed'])
  }
})

test('a failing probe still logs its error at info level', async () => {
  const failing = await buildLoggingApp('info')
  failing.app.db.close()
  const lines = await linesDuring(failing.lines, () => failing.app.inject('/readyz'))
  expect(lines.map((l) => [l.level, l.msg])).toEqual([[50, 'request failed']])
  await failing.app.close()
})

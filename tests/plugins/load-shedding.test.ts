import type { FastifyInstance } from 'fastify'
import { afterEach, expect, test } from 'vitest'
import { buildTestApp, type TestEnv } from '../helpers/build-test-app.js'

let app: FastifyInstance | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

// under-pressure samples once a second: wait for a sample to see the state it produces
async function readinessWithin(ms: number, status: number): Promise<number> {
  const deadline = Date.now() + ms
  let seen = 0
  while (Date.now() < deadline) {
    seen = (await app!.inject('/readyz')).statusCode
    if (seen === status) return seen
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return seen
}

async function start(env: TestEnv) {
  app = await buildTestApp(env)
  return app
}

test('with the heap over its limit, data requests and readiness get a 503 problem with Retry-After; liveness stays 200', async () => {
  const server = await start({ MAX_HEAP_USED_MB: '1' })
  expect(await readinessWithin(3_000, 503)).toBe(503)
  const refused = await server.inject({ url: '/v1/facts?limit=1', headers: { origin: 'https://newsroom.example' } })
  expect(refused.statusCode).toBe(503)
  expect(refused.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(refused.headers['retry-after']).toBe('5')
  expect(refused.headers['cache-control']).toBe('no-store')
  expect(refused.headers['access-control-allow-origin']).toBe('*')
  expect(refused.json()).toMatchObject({ status: 503, type: '/problems/not-ready' })
  expect(refused.json().detail).toContain('memory')
  expect((await server.inject('/healthz')).statusCode).toBe(200)
})

test('a stalled event loop sheds load until it recovers', async () => {
  const server = await start({ MAX_EVENT_LOOP_DELAY_MS: '200' })
  expect((await server.inject('/v1/facts?limit=1')).statusCode).toBe(200)
  const blockedUntil = Date.now() + 1_500
  while (Date.now() < blockedUntil) {
    // hold the event loop, as a runaway computation would
  }
  expect(await readinessWithin(2_500, 503)).toBe(503)
  expect((await server.inject('/v1/facts?limit=1')).json().detail).toContain('event loop')
  expect(await readinessWithin(4_000, 200)).toBe(200)
  expect((await server.inject('/v1/facts?limit=1')).statusCode).toBe(200)
})

test('by default a healthy process serves', async () => {
  const server = await start({})
  await new Promise((resolve) => setTimeout(resolve, 1_100))
  expect((await server.inject('/v1/facts?limit=1')).statusCode).toBe(200)
  expect((await server.inject('/readyz')).statusCode).toBe(200)
})

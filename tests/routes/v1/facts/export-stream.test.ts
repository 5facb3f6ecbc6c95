import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { exportStream } from '../../../../src/routes/v1/facts/export-stream.js'
import { buildTestApp } from '../../../helpers/build-test-app.js'

const rows = (count: number) => Array.from({ length: count }, (_, i) => `{"n":${i}}`)

test('the export stream lets the event loop run between two chunks, however fast it is read', async () => {
  const stream = exportStream('', rows(5_000), (json) => `${json}\n`)
  let chunks = 0
  let chunksWhenOtherWorkRan: number | undefined
  // work that arrives as the export begins: it must not wait for the last chunk
  setImmediate(() => (chunksWhenOtherWorkRan = chunks))
  for await (const _chunk of stream) chunks++
  expect(chunks).toBe(50)
  expect(chunksWhenOtherWorkRan).toBeLessThanOrEqual(2)
})

test('the export stream writes the header first and every row once, in order', async () => {
  let text = ''
  for await (const chunk of exportStream('head\n', rows(250), (json) => `${json}\n`)) text += String(chunk)
  expect(text).toBe(`head\n${rows(250).map((r) => `${r}\n`).join('')}`)
})

// An export that fails midway has sent its 200 and part of its body: the client must see the
// body break off (a destroyed socket, a chunked body that never ends), whatever the encoding.
let app: FastifyInstance
let base: string
beforeAll(async () => {
  app = await buildTestApp()
  base = await app.listen({ port: 0, host: '127.0.0.1' })
  // enough bytes that even gzip has sent some before the failure (random text barely compresses)
  const failing = function* () {
    for (let i = 0; i < 3_000; i++) yield `{"n":"${randomBytes(64).toString('hex')}"}`
    throw new Error('the database went away')
  }
  app.repositories.facts.iterateJson = failing
})
afterAll(() => app.close())

test.each(['identity', 'gzip'])('an export failing midway (%s) breaks off where the client sees it', async (encoding) => {
  const response = await fetch(`${base}/v1/facts/export?format=ndjson`, { headers: { 'accept-encoding': encoding } })
  expect(response.status).toBe(200)
  await expect(response.text()).rejects.toThrow()
})

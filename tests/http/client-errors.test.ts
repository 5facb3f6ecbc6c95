import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'
import { expectProblem as expectProblemHeaders, sendRaw as sendRawTo, type RawResponse } from '../helpers/raw-http.js'

// Requests Node's HTTP parser refuses never reach Fastify, so inject() cannot send them: these
// go over a real socket, byte for byte.
let app: FastifyInstance
let port: number
beforeAll(async () => {
  app = await buildTestApp()
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as AddressInfo).port
})
afterAll(() => app.close())

const sendRaw = (request: string) => sendRawTo(port, request)

// and, past the usual headers, an exact Content-Length and the generic problem type
function expectProblem(response: RawResponse, status: number) {
  const body = expectProblemHeaders(response, status)
  expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body, 'latin1'))
  expect(body).toMatchObject({ type: 'about:blank', status })
  return body
}

test('a request line over 16 KB is a 431 problem, naming the path but not the query', async () => {
  const body = expectProblem(await sendRaw(`GET /v1/facts?q=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 431)
  expect(body.instance).toBe('/v1/facts')
  expect(body.detail).toContain('16 KB')
})

test('a method HTTP does not define is a 501 problem', async () => {
  const body = expectProblem(await sendRaw('FOO /v1/facts HTTP/1.1\r\nHost: x\r\n\r\n'), 501)
  expect(body.detail).toContain('GET, HEAD and OPTIONS')
})

test('bytes that are not HTTP are a 400 problem', async () => {
  expectProblem(await sendRaw('GET /v1/facts HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n'), 400)
})

test('the server keeps answering after them', async () => {
  const response = await sendRaw('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
  expect(response.status).toBe(200)
})

import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import Fastify from 'fastify'
import service, { serverOptions } from '../../src/app.js'
import { buildTestApp, testConfig } from '../helpers/build-test-app.js'
import { expectProblem, sendRaw as sendRawTo } from '../helpers/raw-http.js'

// Corners of HTTP/1.1 framing that inject() smooths over: sent byte for byte on a real socket.
let app: FastifyInstance
let port: number
beforeAll(async () => {
  app = await buildTestApp()
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as AddressInfo).port
})
afterAll(() => app.close())

const sendRaw = (head: string, body?: string) => sendRawTo(port, head, body)

describe('an absolute-form request target (RFC 9112 §3.2.2) never leaks its host into an answer', () => {
  test('the Link header is built from the path and query only', async () => {
    const response = await sendRaw('GET http://evil.example/v1/facts?limit=1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n')
    expect(response.status).toBe(200)
    expect(response.headers.link).toMatch(/^<\/v1\/facts\?limit=1&cursor=[^>]+>; rel="next"$/)
    expect(response.body).not.toContain('evil.example')
  })

  test("a problem's instance is the path only", async () => {
    const response = await sendRaw('GET http://evil.example/v1/nothing?x=1 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n')
    const problem = expectProblem(response, 404)
    expect(problem.instance).toBe('/v1/nothing?x=1')
    expect(response.body).not.toContain('evil.example')
  })
})

describe('Host (RFC 9112 §3.2)', () => {
  test('two Host headers are a 400 problem naming the header', async () => {
    const problem = expectProblem(await sendRaw('GET /v1/meta HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n'), 400)
    expect(problem.errors).toEqual([{ in: 'header', name: 'Host', message: expect.stringContaining('exactly once') }])
  })

  test('HTTP/1.1 without Host is a 400 problem with the usual headers, not a bare 400', async () => {
    expectProblem(await sendRaw('GET /v1/meta HTTP/1.1\r\n\r\n'), 400)
  })

  test('HTTP/1.0 may leave Host out', async () => {
    expect((await sendRaw('GET /v1/meta HTTP/1.0\r\n\r\n')).status).toBe(200)
  })
})

test('CONNECT is answered with a problem, not a closed socket', async () => {
  const response = await sendRaw('CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n')
  expectProblem(response, 501)
  expect(response.headers.connection).toBe('close')
})

describe('content on a request that carries none', () => {
  test.each(['GET', 'HEAD', 'OPTIONS'])('a %s announcing 100 MB is refused before its body is read', async (method) => {
    const head = `${method} /v1/meta HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n`
    // the body never comes: an answer shows the server did not wait to read it
    const response = await sendRaw(head)
    expect(response.status).toBe(413)
    expect(response.headers.connection).toBe('close')
    if (method !== 'HEAD') expectProblem(response, 413)
  })

  test('a chunked body on a GET is refused too', async () => {
    expectProblem(await sendRaw('GET /v1/facts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n', '5\r\nhello\r\n0\r\n\r\n'), 413)
  })

  test('Content-Length: 0 on a GET is no content, and is answered', async () => {
    expect((await sendRaw('GET /v1/meta HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n')).status).toBe(200)
  })
})

describe('methods', () => {
  test.each([
    ['QUERY without a Content-Type', 'QUERY /v1/facts HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n'],
    ['QUERY with a body and no Content-Type', 'QUERY /v1/facts HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc'],
    ['POST with a JSON body', 'POST /v1/facts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}']
  ])('%s is a 405 with Allow, not a complaint about the body', async (_what, request) => {
    const response = await sendRaw(request)
    expectProblem(response, 405)
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS')
  })

  test('a bare OPTIONS is a 204 that says which methods the path allows', async () => {
    const response = await sendRaw('OPTIONS /v1/facts HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(response.status).toBe(204)
    expect(response.headers.allow).toBe('GET, HEAD, OPTIONS')
  })
})

test('a route that takes a body reads it, on a connection that stays open', async () => {
  const config = testConfig()
  const withPost = Fastify({ ...serverOptions(config), logger: false })
  await withPost.register(service, config)
  withPost.post('/echo-length', async (request) => ({ length: JSON.stringify(request.body).length }))
  const response = await withPost.inject({ method: 'POST', url: '/echo-length', payload: { a: 1 } })
  expect(response.statusCode).toBe(200)
  expect(response.json()).toEqual({ length: 7 })
  expect(response.headers.connection).not.toBe('close')
  await withPost.close()
})

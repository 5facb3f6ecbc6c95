import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'

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

interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

function sendRaw(request: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request))
    let received = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => (received += chunk))
    socket.on('error', reject)
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body })
    })
  })
}

function expectProblem(response: RawResponse, status: number) {
  expect(response.status).toBe(status)
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(response.headers['access-control-allow-origin']).toBe('*')
  expect(response.headers['content-security-policy']).toContain("default-src 'none'")
  expect(response.headers['cache-control']).toBe('no-store')
  expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body, 'latin1'))
  const body = JSON.parse(response.body)
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

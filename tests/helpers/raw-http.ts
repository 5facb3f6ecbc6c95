import { connect } from 'node:net'
import { expect } from 'vitest'

export interface RawResponse {
  status: number
  headers: Record<string, string>
  /** As bytes (latin1), so that its length can be checked against Content-Length. */
  body: string
}

/**
 * Sends a request byte for byte on a real socket (for what inject() smooths over and Node's
 * parser refuses before Fastify sees it), then reads until the server closes the connection.
 * A reset or broken pipe is how a server may refuse a body it will not read: not an error here.
 */
export function sendRaw(port: number, head: string, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head)
      if (body) socket.write(body)
      socket.end()
    })
    let received = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk) => (received += chunk))
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)))
    socket.on('close', () => {
      const [headPart = '', ...rest] = received.split('\r\n\r\n')
      const [statusLine = '', ...lines] = headPart.split('\r\n')
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]))
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') })
    })
  })
}

/** A problem document with the headers every error carries; returns the parsed problem. */
export function expectProblem(response: RawResponse, status: number) {
  expect(response.status).toBe(status)
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  expect(response.headers['access-control-allow-origin']).toBe('*')
  expect(response.headers['content-security-policy']).toContain("default-src 'none'")
  expect(response.headers['cache-control']).toBe('no-store')
  expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  const problem = JSON.parse(response.body)
  expect(problem.status).toBe(status)
  return problem
}

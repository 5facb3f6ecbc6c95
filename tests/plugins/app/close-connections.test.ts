import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { expect, test } from 'vitest'
import { buildTestApp } from '../../helpers/build-test-app.js'

/** Everything the server sends on the socket until it closes it. */
const untilClosed = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let text = ''
    socket.on('data', (chunk) => (text += chunk.toString('latin1')))
    socket.on('close', () => resolve(text))
  })

// A load balancer keeps connections open and may send a request on one just as the replica
// begins to close: that request is answered (not refused with Fastify's own 503 body, which no
// client of this API can read as a problem), and its connection ends right after it.
test('a request that completes on a kept-alive connection after close() began is answered, with Connection: close', async () => {
  const app = await buildTestApp()
  await app.listen({ port: 0, host: '127.0.0.1' })
  const socket = connect((app.server.address() as AddressInfo).port, '127.0.0.1')
  await new Promise((resolve) => socket.once('connect', resolve))
  const answer = untilClosed(socket)
  // a request begun: the connection is not idle, so close() leaves it open
  socket.write('GET /v1/meta HTTP/1.1\r\nHost: localhost\r\n')
  await new Promise((resolve) => setTimeout(resolve, 50))
  const closed = app.close()
  socket.write('\r\n')
  const text = await answer
  await closed
  expect(text).toMatch(/^HTTP\/1\.1 200 /)
  expect(text.toLowerCase()).toContain('connection: close')
  expect(text).toContain('"version"')
})

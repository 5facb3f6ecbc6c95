import type { Socket } from 'node:net'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/**
 * Once `close()` begins, every keep-alive connection ends as soon as its answer is done, so
 * the process exits right after its last answer rather than when the grace period runs out.
 * Node's `server.close()` closes the connections idle at that moment, and Fastify answers
 * requests that still arrive with `Connection: close`; but a connection busy when close began
 * (an export streaming) would otherwise stay open once idle, for the whole keep-alive timeout.
 */
export default fp(
  async function closeConnections(app: FastifyInstance) {
    let closing = false
    app.addHook('preClose', (done) => {
      closing = true
      done()
    })
    app.addHook('onResponse', (request, _reply, done) => {
      if (closing) endWhenIdle(request.raw.socket)
      done()
    })
  },
  { name: 'close-connections' }
)

// onResponse runs once the answer is flushed and Node has detached it from its socket; a
// pipelined request's answer may already be under way there (Node marks it `_httpMessage`, as
// its own closeIdleConnections reads it), and that answer ends the socket in its own turn.
function endWhenIdle(socket: Socket | null) {
  if (!socket || socket.destroyed || (socket as Socket & { _httpMessage?: unknown })._httpMessage) return
  socket.end()
}

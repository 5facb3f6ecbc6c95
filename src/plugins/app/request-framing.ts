import type { IncomingMessage } from 'node:http'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { invalidParameters } from '../../http/errors.js'
import { answerConnect, ERROR_HEADERS } from '../../http/framework-errors.js'
import { answerUnrouted, sendProblem } from './problem-details.js'

// every route of this API reads; these methods never carry content here
const WITHOUT_CONTENT = new Set(['GET', 'HEAD', 'OPTIONS'])
const ALLOW = 'GET, HEAD, OPTIONS'

/**
 * What HTTP/1.1 asks of a request before anything reads it (RFC 9112), answered as problem
 * details with the usual headers, before any body is read:
 * - exactly one `Host` (§3.2; HTTP/1.0 may leave it out). Node takes the first of two, and
 *   answers a missing one with a bare 400 unless told not to (`requireHostHeader: false`).
 * - no content on GET, HEAD or OPTIONS: nothing reads it, yet Node would read it all (a 100 MB
 *   body included) to keep the connection usable. 413, and the connection closes unread.
 * - a method no route answers (POST, QUERY, ...) is a 405 or 404 now, before Fastify parses a
 *   body it would then ignore (QUERY without a Content-Type was a 400 about that header); a
 *   route that takes a body (POST /mcp, say) is left to read it.
 * A bare OPTIONS learns the methods from `Allow`; CONNECT gets a 501 problem on its socket.
 * Registered before the security headers and CORS, so that nothing runs for such requests: the
 * problems carry the headers every error does, as those Fastify's router answers.
 */
export default fp(
  async function requestFraming(app: FastifyInstance) {
    app.server.on('connect', answerConnect)
    app.addHook('onRequest', (request, reply, done) => {
      const raw = request.raw
      const hosts = hostHeaders(raw)
      if (hosts > 1 || (hosts === 0 && raw.httpVersion !== '1.0')) {
        return void reply.headers(ERROR_HEADERS).send(invalidParameters([{ in: 'header', name: 'Host', message: 'must be sent exactly once (RFC 9112, section 3.2)' }]))
      }
      const method = request.method
      const refusedContent = hasContent(raw) && WITHOUT_CONTENT.has(method)
      const unrouted = request.is404 && method !== 'GET' && method !== 'HEAD'
      if (refusedContent || unrouted) {
        reply.headers(ERROR_HEADERS)
        // a body left unread: the connection cannot carry another request after it
        if (hasContent(raw)) reply.header('connection', 'close')
        if (refusedContent) return void sendProblem(request, reply, 413, `A ${method} request carries no content here; send it without a body.`)
        return void answerUnrouted(request, reply)
      }
      // before CORS answers a bare OPTIONS (its hook runs after this one)
      if (method === 'OPTIONS') reply.header('allow', ALLOW)
      done()
    })
  },
  { name: 'request-framing', dependencies: ['problem-details'] }
)

function hostHeaders(raw: IncomingMessage): number {
  const names = raw.rawHeaders
  let count = 0
  for (let i = 0; i < names.length; i += 2) if (names[i]!.length === 4 && names[i]!.toLowerCase() === 'host') count++
  return count
}

function hasContent(raw: IncomingMessage): boolean {
  const length = raw.headers['content-length']
  return raw.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
}

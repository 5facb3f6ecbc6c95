import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export const REQUEST_ID_HEADER = 'x-request-id'

// Long enough for a UUID or a W3C trace id, and nothing that could break a header or a log line.
const WELL_FORMED = /^[\w.:-]{1,128}$/

/**
 * Fastify's `genReqId`: the caller's (or the load balancer's) X-Request-Id when it is well formed,
 * so one id follows a request across services; otherwise a UUID, unique across replicas where
 * Fastify's default counter restarts at 1 in each process.
 */
export function requestId(request: IncomingMessage): string {
  const offered = request.headers[REQUEST_ID_HEADER]
  return typeof offered === 'string' && WELL_FORMED.test(offered) ? offered : randomUUID()
}

/**
 * Echoes the request's id on its answer, so a client can quote it and an operator find its log
 * lines. Set as the request arrives, because a header set before a hook answers early (CORS
 * preflight, rate limit, response cache, 304) or before an error is sent stays on the reply.
 */
export default fp(
  async function requestIdHeader(app: FastifyInstance) {
    app.addHook('onRequest', (request, reply, done) => {
      reply.header(REQUEST_ID_HEADER, request.id)
      done()
    })
  },
  { name: 'request-id' }
)

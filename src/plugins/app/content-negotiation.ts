import type { FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { NotAcceptableError } from '../../http/errors.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Media types the route can answer with; checked against Accept before the handler. */
    produces?: string[]
  }
}

/** Route config for the endpoints that answer JSON only. */
export const JSON_ONLY = { produces: ['application/json'] }

export default fp(
  async function contentNegotiation(app: FastifyInstance) {
    app.addHook('preValidation', async (request) => {
      const produces = request.routeOptions.config.produces
      if (!produces || !request.headers.accept) return
      if (request.accepts().type(produces)) return
      throw new NotAcceptableError(`This endpoint produces ${produces.join(', ')}; the Accept header allows none of them.`)
    })
  },
  { name: 'content-negotiation', dependencies: ['@fastify/accepts'] }
)

/**
 * Sends JSON already serialized (facts are stored as JSON at build time), and keeps it for the
 * same URL when the route allows. Fastify passes a string with a JSON content type through
 * untouched; the route's response schema still documents the body in OpenAPI, and tests
 * validate real bodies against it.
 */
export function sendJson(reply: FastifyReply, body: string): FastifyReply {
  reply.server.responseCache.store(reply, body)
  return reply.type('application/json; charset=utf-8').send(body)
}

import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config/config.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The address absolute links and citations name: `PUBLIC_BASE_URL`, else the request's own. */
    publicBaseUrl: (request: FastifyRequest) => string
  }
}

/**
 * One answer to "what is this service's address" for every surface that writes an absolute URL
 * (the citation route, the explorer's references, the MCP tools): behind a proxy the Host header
 * can name an internal host, so a configured public address wins.
 */
export default fp(
  async function publicBaseUrl(app: FastifyInstance, config: Pick<Config, 'PUBLIC_BASE_URL'>) {
    const configured = config.PUBLIC_BASE_URL
    app.decorate('publicBaseUrl', (request: FastifyRequest) => configured ?? `${request.protocol}://${request.host}`)
  },
  { name: 'public-base-url' }
)

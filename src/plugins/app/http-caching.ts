import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config/config.js'
import { API_VERSION } from '../../version.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `no-store` for answers that must never be cached (health); data otherwise. */
    cache?: 'data' | 'no-store'
  }
  interface FastifyInstance {
    /** Sets ETag and Cache-Control on a data answer; true when it answered 304 instead. */
    answerConditionally(request: FastifyRequest, reply: FastifyReply): boolean
  }
}

/**
 * ETag and Cache-Control from the dataset version. The dataset is immutable per release, so a
 * URL that answered 200 under one dataset answers the same under it: a matching If-None-Match
 * can be answered 304 before any query runs.
 */
export default fp(
  async function httpCaching(app: FastifyInstance, config: Config) {
    const etag = `W/"${API_VERSION}-${app.dataset.version}-${app.dataset.contentHash.slice(0, 16)}"`
    const cacheControl = `public, max-age=${config.CACHE_MAX_AGE}`

    app.decorate('answerConditionally', (request: FastifyRequest, reply: FastifyReply) => {
      reply.header('etag', etag).header('cache-control', cacheControl)
      if (!matches(request.headers['if-none-match'], etag)) return false
      reply.code(304).send()
      return true
    })

    app.addHook('preHandler', async (request, reply) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return
      if (request.routeOptions.config.cache === 'no-store') {
        reply.header('cache-control', 'no-store')
        return
      }
      if (app.answerConditionally(request, reply)) return reply
    })

    app.addHook('onSend', async (_request, reply, payload) => {
      if (reply.statusCode >= 400) {
        reply.removeHeader('etag')
        reply.header('cache-control', 'no-store')
      }
      return payload
    })
  },
  { name: 'http-caching', dependencies: ['database'] }
)

// Weak comparison (RFC 9110 §8.8.3.2): W/"x" and "x" match; `*` matches any current representation.
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => {
    const tag = candidate.trim()
    return tag === '*' || tag.replace(/^W\//, '') === opaque
  })
}

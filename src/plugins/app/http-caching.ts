import { Readable } from 'node:stream'
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
    /** For a GET already known to answer 200 (a replay): true when it answered 304 instead. */
    answerConditionally(request: FastifyRequest, reply: FastifyReply): boolean
  }
}

/**
 * ETag and Cache-Control from the dataset version: the dataset is immutable per release, so a
 * URL that answered 200 under one dataset answers the same under it. A matching If-None-Match
 * turns that 200 into a 304, but only once the route has decided the answer is a 200: a
 * missing fact, an unknown path or a refused filter keeps its 404 or 400 (RFC 9110 §13.1.2).
 */
export default fp(
  async function httpCaching(app: FastifyInstance, config: Config) {
    const etag = `W/"${API_VERSION}-${app.dataset.version}-${app.dataset.contentHash.slice(0, 16)}"`
    const cacheControl = `public, max-age=${config.CACHE_MAX_AGE}`

    // Every data answer depends on Accept (JSON, CSV or NDJSON, else 406) and on
    // Accept-Encoding (compression); its 304 names the same, as a cache must key on them.
    const setDataHeaders = (reply: FastifyReply) =>
      reply.header('etag', etag).header('cache-control', cacheControl).header('vary', 'accept, accept-encoding')

    // the onRequest hook below has set the data headers already
    app.decorate('answerConditionally', (request: FastifyRequest, reply: FastifyReply) => {
      if (!matches(request.headers['if-none-match'], etag)) return false
      reply.code(304).send()
      return true
    })

    // onRequest, so that answers decided before the handler (a 406 on Accept) carry Vary too
    app.addHook('onRequest', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD') {
        if (request.routeOptions.config.cache === 'no-store') reply.header('cache-control', 'no-store')
        else setDataHeaders(reply)
      }
      done()
    })

    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode >= 400) {
        reply.removeHeader('etag')
        reply.header('cache-control', 'no-store')
        return payload
      }
      if (reply.statusCode !== 200 || reply.getHeader('etag') !== etag || !matches(request.headers['if-none-match'], etag)) {
        return payload
      }
      // the answer was already produced (an export is a stream): drop it unread
      if (payload instanceof Readable) payload.destroy()
      reply.code(304).removeHeader('content-type').removeHeader('content-length').removeHeader('content-encoding')
      return null
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

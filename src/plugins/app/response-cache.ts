import type { FastifyInstance, FastifyReply, onRequestHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { createBoundedCache } from '../../repositories/facts/bounded-cache.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Finished 200 answers of this route are kept and replayed for the same URL. */
    responseCache?: boolean
  }
  interface FastifyInstance {
    responseCache: { store(reply: FastifyReply, body: string, type?: string): void }
  }
}

interface Finished {
  // bytes, not a string: a replay then writes them as they are, with no UTF-8 encoding
  body: Buffer
  link: string | undefined
  type: string
}

const JSON_TYPE = 'application/json; charset=utf-8'
// Accept values that certainly allow JSON: anything else takes the full path and its 406 check.
// Pages (HTML) have no other representation and no 406, so any Accept is replayed.
const PLAIN_ACCEPT = new Set([undefined, '*/*', 'application/json'])

/**
 * A bounded cache of finished JSON answers and pages keyed by URL, as an HTTP cache in front would keep
 * them: the dataset is immutable for the life of the process, so a URL that answered 200 once
 * answers the same body again. A hit skips validation, the query and the handler; the hooks
 * that run before it (rate limit, CORS, security headers) and after it (compression) still run.
 */
export default fp(
  async function responseCache(app: FastifyInstance, options: { maxBytes: number }) {
    const cache = createBoundedCache<Finished>(options.maxBytes, (f) => f.body.byteLength + (f.link?.length ?? 0) * 2)
    // An answer is kept the second time its URL is asked: a stream of distinct URLs (measured:
    // 30,000 of them) then costs no copies and no evictions, while a hot URL is kept at once.
    const seen = createBoundedCache<true>(options.maxBytes / 8, () => 0)

    app.decorate('responseCache', {
      store(reply: FastifyReply, body: string, type = JSON_TYPE) {
        if (reply.statusCode !== 200 || !reply.request.routeOptions.config.responseCache) return
        if (!seen.get(reply.request.url)) return void seen.set(reply.request.url, true)
        const link = reply.getHeader('link')
        // a pooled Buffer (any under 4 KB) would pin a whole shared 8 KB slab for as long as it is kept
        const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(body))
        bytes.write(body)
        cache.set(reply.request.url, { body: bytes, link: typeof link === 'string' ? link : undefined, type })
      }
    })

    const replay: onRequestHookHandler = (request, reply, done) => {
      const hit = (request.method === 'GET' || request.method === 'HEAD') && cache.get(request.url)
      if (!hit || (hit.type === JSON_TYPE && !PLAIN_ACCEPT.has(request.headers.accept))) return done()
      if (app.answerConditionally(request, reply)) return
      if (hit.link) reply.header('link', hit.link)
      reply.type(hit.type).send(hit.body)
    }
    // A route-level hook, appended after the rate limiter's own (it adds it in its onRoute,
    // registered earlier): a replay must still be counted against the client's limit, and a
    // global hook would run before every route-level one and answer first.
    app.addHook('onRoute', (route) => {
      if (!route.config?.responseCache) return
      route.onRequest = [...[route.onRequest ?? []].flat(), replay]
    })
  },
  { name: 'response-cache', dependencies: ['http-caching'] }
)

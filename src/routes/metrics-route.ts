import type { FastifyPluginAsync } from 'fastify'

/**
 * Prometheus's scrape target. Not part of the public API: hidden from the OpenAPI document,
 * never throttled (a scraper polls on a fixed period) and never cached (each scrape is new).
 */
const metricsRoute: FastifyPluginAsync = async (app) => {
  app.get('/metrics', { config: { cache: 'no-store', rateLimit: false }, schema: { hide: true } }, async (_request, reply) => {
    return reply.type(app.metrics.contentType).send(await app.metrics.render())
  })
}

export default metricsRoute

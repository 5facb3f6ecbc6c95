import type { FastifyPluginAsync } from 'fastify'

// Never throttled (a scraper polls on a fixed period), never cached (each scrape is new), and
// answered under pressure too, when what it shows matters most.
const SCRAPE = { cache: 'no-store', rateLimit: false, shedUnderPressure: false } as const

/** Prometheus's scrape target. Not part of the public API: hidden from the OpenAPI document. */
const metricsRoute: FastifyPluginAsync = async (app) => {
  app.get('/metrics', { config: SCRAPE, schema: { hide: true } }, async (_request, reply) => {
    return reply.type(app.metrics.contentType).send(await app.metrics.render())
  })
}

export default metricsRoute

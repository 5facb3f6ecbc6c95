import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config/config.js'

/**
 * Per-client limit, in memory: each replica counts its own clients, which bounds abuse per
 * replica without a shared store (the data is public and cheap to serve from cache).
 */
export default fp(
  async function rateLimiting(app: FastifyInstance, config: Config) {
    if (config.RATE_LIMIT_MAX === 0) return
    await app.register(rateLimit, {
      max: config.RATE_LIMIT_MAX,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        message: `More than ${context.max} requests in a minute from this client; retry in ${Math.ceil(context.ttl / 1000)} s.`
      })
    })
  },
  { name: 'rate-limiting' }
)

import cors from '@fastify/cors'
import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Public, read-only data: any origin may read it; the usual security headers on every answer. */
export default fp(
  async function security(app: FastifyInstance) {
    await app.register(cors, {
      origin: '*',
      methods: ['GET', 'HEAD', 'OPTIONS'],
      exposedHeaders: ['ETag', 'Link', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
      maxAge: 86_400
    })
    await app.register(helmet, {
      // other sites' pages and apps embed this data: let browsers hand it to them
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      // API answers are data, never pages: nothing may load from them (OWASP REST guidance).
      // /docs sets its own policy for its bundled assets (see openapi.ts).
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }
    })
  },
  { name: 'security' }
)

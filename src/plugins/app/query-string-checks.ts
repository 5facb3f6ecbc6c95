import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { invalidParameters } from '../../http/errors.js'
import { queryStringFaults } from '../../http/query-string.js'
import { decimalIntegerParameters } from '../../schemas/decimal-integer.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Query parameters whose raw text must be decimal digits; read from the route's schema. */
    decimalIntegers?: string[]
  }
}

/** Refuses, before validation, query strings that Node's parser or `Number()` would misread. */
export default fp(
  async function queryStringChecks(app: FastifyInstance) {
    app.addHook('onRoute', (route) => {
      const decimalIntegers = decimalIntegerParameters(route.schema?.querystring)
      if (decimalIntegers.length > 0) route.config = { ...route.config, decimalIntegers }
    })

    app.addHook('preValidation', (request, _reply, done) => {
      const { url, query, routeOptions } = request
      const faults = queryStringFaults(url, query as Record<string, unknown>, routeOptions.config.decimalIntegers)
      done(faults.length > 0 ? invalidParameters(faults) : undefined)
    })
  },
  { name: 'query-string-checks' }
)

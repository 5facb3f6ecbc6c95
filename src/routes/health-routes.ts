import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NotReadyError } from '../http/errors.js'
import { healthSchema } from '../schemas/meta.js'
import { problemResponses } from '../schemas/problem.js'

// Probes must never be throttled or cached: an orchestrator polls them on a fixed period, and
// logged at info its polls would bury the lines of real requests.
const PROBE = { cache: 'no-store', rateLimit: false, requestLogLevel: 'debug' } as const

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', {
    // alive under pressure too: an orchestrator restarts what fails liveness, and a restart
    // under load drops every request in flight
    config: { ...PROBE, shedUnderPressure: false },
    schema: {
      operationId: 'getLiveness',
      summary: 'Liveness: the process is up',
      tags: ['health'],
      response: { 200: healthSchema }
    }
  }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', {
    config: PROBE,
    schema: {
      operationId: 'getReadiness',
      summary: 'Readiness: the database is open and answering',
      tags: ['health'],
      response: { 200: healthSchema, ...problemResponses(503) }
    }
  }, async () => {
    if (!app.repositories.meta.isAnswering()) throw new NotReadyError('The database is not answering.')
    return { status: 'ok' as const }
  })
}

export default healthRoutes

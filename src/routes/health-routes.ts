import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NotReadyError } from '../http/errors.js'
import { JSON_ONLY } from '../plugins/app/content-negotiation.js'
import { healthSchema } from '../schemas/meta.js'
import { problemResponses } from '../schemas/problem.js'

// Probes must never be throttled or cached: an orchestrator polls them on a fixed period, and
// logged at info its polls would bury the lines of real requests. They answer JSON only, like
// the rest of the API: an Accept that excludes it is a 406.
const PROBE = { cache: 'no-store', rateLimit: false, requestLogLevel: 'debug', ...JSON_ONLY } as const

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', {
    // alive under pressure too: an orchestrator restarts what fails liveness, and a restart
    // under load drops every request in flight
    config: { ...PROBE, shedUnderPressure: false },
    schema: {
      operationId: 'getLiveness',
      summary: 'Liveness: the process is up',
      description: 'Answers whenever the process runs, without touching the database: a failure means restart it.',
      tags: ['health'],
      response: { 200: healthSchema, ...problemResponses(400, 406) }
    }
  }, async () => ({ status: 'ok' as const }))

  app.get('/readyz', {
    config: PROBE,
    schema: {
      operationId: 'getReadiness',
      summary: 'Readiness: the database is open and answering',
      description: 'Runs a trivial query: a 503 means send no traffic here for now.',
      tags: ['health'],
      response: { 200: healthSchema, ...problemResponses(400, 406, 503) }
    }
  }, async () => {
    if (!app.repositories.meta.isAnswering()) throw new NotReadyError('The database is not answering.')
    return { status: 'ok' as const }
  })
}

export default healthRoutes

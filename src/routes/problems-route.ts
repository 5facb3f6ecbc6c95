import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { NotFoundError, PROBLEM_TYPES } from '../http/errors.js'

// Problem `type` URIs are relative references to this route, so each one is documented where it points.
const problemsRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/problems/:type', {
    schema: {
      hide: true,
      params: z.strictObject({ type: z.string().max(100) }),
      response: { 200: z.object({ type: z.string(), title: z.string(), status: z.int(), description: z.string() }) }
    }
  }, async (request) => {
    const entry = Object.entries(PROBLEM_TYPES).find(([, p]) => p.slug === request.params.type)
    if (!entry) throw new NotFoundError(`No problem type "${request.params.type}".`)
    const [status, problem] = entry
    return { type: `/problems/${problem.slug}`, title: problem.title, status: Number(status), description: problem.description }
  })
}

export default problemsRoute

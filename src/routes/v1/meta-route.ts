import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { JSON_ONLY } from '../../plugins/app/content-negotiation.js'
import { metaSchema } from '../../schemas/meta.js'
import { problemResponses } from '../../schemas/problem.js'
import { noQuerySchema } from '../../schemas/vocabulary.js'
import { API_VERSION } from '../../version.js'

const metaRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/meta', {
    config: JSON_ONLY,
    schema: {
      operationId: 'getMeta',
      summary: 'Dataset version, content hash, build time, licence and counts',
      description: 'Which release of the curated data this server answers from; `contentHash` changes exactly when the data does.',
      querystring: noQuerySchema,
      tags: ['dataset'],
      response: { 200: metaSchema, ...problemResponses(400, 406, 429, 503) }
    }
  }, async () => {
    const { vocabularies: _vocabularies, ...info } = app.dataset
    return { ...info, apiVersion: API_VERSION }
  })
}

export default metaRoute

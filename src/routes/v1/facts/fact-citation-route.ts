import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NotFoundError } from '../../../http/errors.js'
import { citationSchema } from '../../../schemas/citation.js'
import { problemResponses } from '../../../schemas/problem.js'
import { idParamsSchema, noQuerySchema } from '../../../schemas/vocabulary.js'
import { citeFact } from './fact-citation.js'

// CSL-JSON's registered media type; plain JSON for clients that ask for that
const CSL_JSON = 'application/vnd.citationstyles.csl+json'

const factCitationRoute: FastifyPluginAsyncZod = async (app) => {
  app.get('/v1/facts/:id/citation', {
    config: { produces: [CSL_JSON, 'application/json'] },
    schema: {
      operationId: 'getFactCitation',
      summary: 'Cite one fact (CSL-JSON)',
      description:
        'References to paste into a reference manager (Zotero, Mendeley, pandoc): the fact in this dataset, ' +
        'the source collection it quotes, and the original public documents of its quotes where they were found.',
      tags: ['facts'],
      querystring: noQuerySchema,
      params: idParamsSchema.extend({ id: idParamsSchema.shape.id.describe('Fact id.').meta({ examples: ['ru-2013-sex-trafficking-prosecutions'] }) }),
      response: {
        200: { description: 'CSL-JSON references, the fact first.', content: { [CSL_JSON]: { schema: citationSchema }, 'application/json': { schema: citationSchema } } },
        ...problemResponses(400, 404, 406, 414, 429, 503)
      }
    }
  }, async (request, reply) => {
    const citation = citeFact(app.repositories, request.params.id, app.publicBaseUrl(request))
    if (citation === undefined) throw new NotFoundError(`No fact has the id "${request.params.id}".`)
    const type = request.accepts().type([CSL_JSON, 'application/json']) || CSL_JSON
    return reply.type(`${type}; charset=utf-8`).send(citation)
  })
}

export default factCitationRoute

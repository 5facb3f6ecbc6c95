import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { JSON_ONLY } from '../../plugins/app/content-negotiation.js'
import { z } from 'zod'
import { NotFoundError, invalidParameters } from '../../http/errors.js'
import { sliceText } from '../../repositories/sources-repository.js'
import { problemResponses } from '../../schemas/problem.js'
import { sourceListSchema, sourceSchema, sourceTextQuerySchema } from '../../schemas/source.js'
import { idParamsSchema, noQuerySchema } from '../../schemas/vocabulary.js'

const TAGS = ['sources']
const sourceParams = idParamsSchema.extend({
  id: idParamsSchema.shape.id.describe('Source id.').meta({ examples: ['ru-trafficking-excerpts'] })
})

const sourcesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { sources } = app.repositories
  const notFound = (id: string) => new NotFoundError(`No source has the id "${id}"; see /v1/sources.`)

  app.get('/v1/sources', {
    config: JSON_ONLY,
    schema: {
      operationId: 'listSources',
      summary: 'List the source reports with their fact counts',
      description: 'Every report facts are taken from, by id, with the hash and length of its text.',
      querystring: noQuerySchema,
      tags: TAGS,
      response: { 200: sourceListSchema, ...problemResponses(400, 406, 429, 503) }
    }
  }, async () => ({ data: sources.list() }))

  app.get('/v1/sources/:id', {
    config: JSON_ONLY,
    schema: {
      operationId: 'getSource',
      summary: 'Get one source report',
      description: 'The report, its licence and the sha256 of its text; the text itself is at `/v1/sources/{id}/text`.',
      querystring: noQuerySchema,
      tags: TAGS,
      params: sourceParams,
      response: { 200: sourceSchema, ...problemResponses(400, 404, 406, 414, 429, 503) }
    }
  }, async (request) => {
    const source = sources.find(request.params.id)
    if (!source) throw notFound(request.params.id)
    return source
  })

  app.get('/v1/sources/:id/text', {
    config: { produces: ['text/plain'] },
    schema: {
      operationId: 'getSourceText',
      summary: 'Get the text of a source, whole or a slice',
      description:
        'Offsets count UTF-16 code units, as JavaScript strings do: for any evidence span, ' +
        '`?start={start}&end={end}` returns exactly its `quote`.',
      tags: TAGS,
      params: sourceParams,
      querystring: sourceTextQuerySchema,
      response: {
        200: { description: 'The text, or the requested slice.', content: { 'text/plain': { schema: z.string() } } },
        ...problemResponses(400, 404, 406, 414, 429, 503)
      }
    }
  }, async (request, reply) => {
    const text = sources.text(request.params.id)
    if (text === undefined) throw notFound(request.params.id)
    const slice = sliceText(text, request.query.start, request.query.end)
    if ('refused' in slice) throw invalidParameters([{ in: 'query', name: slice.refused, message: slice.message }])
    return reply.type('text/plain; charset=utf-8').send(slice.text)
  })
}

export default sourcesRoutes

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { JSON_ONLY, sendJson } from '../../../plugins/app/content-negotiation.js'
import { NotFoundError } from '../../../http/errors.js'
import { z } from 'zod'
import { fieldsParameterSchema, selectFields } from '../../../schemas/fact-fields.js'
import { FACET_NAMES, factFacetsSchema, toFacetLists } from '../../../schemas/fact-facets.js'
import { factFacetsQuerySchema, factListQuerySchema, factOrPartialSchema, factPageSchema } from '../../../schemas/fact-query.js'
import { problemResponses } from '../../../schemas/problem.js'
import { idParamsSchema } from '../../../schemas/vocabulary.js'
import { readFactPage } from './read-fact-page.js'
import { resolveFactQuery } from './resolve-fact-query.js'

// facts answers are costly to compute and never change while the process serves them
const CACHED_JSON = { ...JSON_ONLY, responseCache: true }

const factsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { facts } = app.repositories

  app.get('/v1/facts', {
    config: CACHED_JSON,
    schema: {
      operationId: 'listFacts',
      summary: 'List facts matching filters',
      description:
        'A page of facts. Different filters combine with AND; repeated values of one filter with OR. ' +
        'Paging is keyset-based: follow `page.nextCursor` (or the `Link: rel="next"` header) until it is null. ' +
        'With `fields`, each fact holds only those fields (a `PartialFact`).',
      tags: ['facts'],
      querystring: factListQuerySchema,
      response: { 200: factPageSchema, ...problemResponses(400, 406, 429, 503) },
      responseHeaders: { 200: ['Link'] }
    }
  }, async (request, reply) => {
    const { sort, limit, cursor, fields, ...filters } = request.query
    const { data, page, query } = readFactPage(facts, app.dataset.vocabularies, { filters, sort, limit, cursor, fields })
    if (page.nextCursor) reply.header('link', `<${withCursor(request.url, page.nextCursor)}>; rel="next"`)
    // the facts' JSON was validated against factSchema when the database was built
    return sendJson(reply, `{"data":[${data.join(',')}],"page":${JSON.stringify(page)},"query":${JSON.stringify(query)}}`)
  })

  app.get('/v1/facts/facets', {
    config: CACHED_JSON,
    schema: {
      operationId: 'getFactFacets',
      summary: `Count matching facts by ${FACET_NAMES.join(', ')}`,
      description:
        'Takes the same filters as `/v1/facts`. A fact with several values of one facet (categories, forms, actors) counts once under each. ' +
        'Each list is ordered by count descending, then value, and holds at most `facetLimit` values.',
      tags: ['facts'],
      querystring: factFacetsQuerySchema,
      response: { 200: factFacetsSchema, ...problemResponses(400, 406, 429, 503) }
    }
  }, async (request, reply) => {
    const { facetLimit, ...filters } = request.query
    const { query } = resolveFactQuery(filters, undefined, app.dataset.vocabularies)
    return sendJson(reply, JSON.stringify(toFacetLists(facts.facets(query), app.dataset.labels, facetLimit)))
  })

  app.get('/v1/facts/:id', {
    config: CACHED_JSON,
    schema: {
      operationId: 'getFact',
      summary: 'Get one fact by id',
      description: 'The fact with its evidence: each quote with its offsets in the source text; with `fields`, only those fields (a `PartialFact`).',
      querystring: z.strictObject({ fields: fieldsParameterSchema }),
      tags: ['facts'],
      params: idParamsSchema.extend({ id: idParamsSchema.shape.id.describe('Fact id.').meta({ examples: ['ru-2013-sex-trafficking-prosecutions'] }) }),
      response: { 200: factOrPartialSchema, ...problemResponses(400, 404, 406, 414, 429, 503) }
    }
  }, async (request, reply) => {
    const fact = facts.findJson(request.params.id, selectFields(request.query.fields))
    if (fact === undefined) throw new NotFoundError(`No fact has the id "${request.params.id}".`)
    return sendJson(reply, fact)
  })
}

/** The request's own path and query with `cursor` replaced: a relative reference (RFC 8288). */
function withCursor(url: string, cursor: string): string {
  const [path, search = ''] = url.split('?', 2) as [string, string?]
  const params = new URLSearchParams(search)
  params.set('cursor', cursor)
  return `${path}?${params.toString()}`
}

export default factsRoutes

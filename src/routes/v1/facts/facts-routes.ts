import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { JSON_ONLY, sendJson } from '../../../plugins/app/content-negotiation.js'
import { NotFoundError } from '../../../http/errors.js'
import { factSchema } from '../../../schemas/fact.js'
import { FACET_NAMES, factFacetsSchema, toFacetLists } from '../../../schemas/fact-facets.js'
import { factFacetsQuerySchema, factListQuerySchema, factPageSchema } from '../../../schemas/fact-query.js'
import { problemResponses } from '../../../schemas/problem.js'
import { idParamsSchema, noQuerySchema } from '../../../schemas/vocabulary.js'
import { decodeCursor, encodeCursor } from './fact-cursor.js'
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
        'Paging is keyset-based: follow `page.nextCursor` (or the `Link: rel="next"` header) until it is null.',
      tags: ['facts'],
      querystring: factListQuerySchema,
      response: { 200: factPageSchema, ...problemResponses(400, 406, 429, 503) },
      responseHeaders: { 200: ['Link'] }
    }
  }, async (request, reply) => {
    const { sort: requestedSort, limit, cursor, ...filters } = request.query
    const { query, sort, echo } = resolveFactQuery(filters, requestedSort, app.dataset.vocabularies)
    const after = cursor === undefined ? undefined : decodeCursor(cursor, sort, query.key)
    const page = facts.page({ query, sort, limit, after })
    const nextCursor = page.next === null ? null : encodeCursor(sort, query.key, page.next)
    if (nextCursor) reply.header('link', `<${withCursor(request.url, nextCursor)}>; rel="next"`)
    // the facts' JSON was validated against factSchema when the database was built
    const meta = JSON.stringify({ limit, total: facts.count(query), nextCursor })
    return sendJson(reply, `{"data":[${page.facts.join(',')}],"page":${meta},"query":${JSON.stringify(echo)}}`)
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
      description: 'The fact with its evidence: each quote with its offsets in the source text.',
      querystring: noQuerySchema,
      tags: ['facts'],
      params: idParamsSchema.extend({ id: idParamsSchema.shape.id.describe('Fact id.').meta({ examples: ['ru-2013-sex-trafficking-prosecutions'] }) }),
      response: { 200: factSchema, ...problemResponses(400, 404, 406, 414, 429, 503) }
    }
  }, async (request, reply) => {
    const fact = facts.findJson(request.params.id)
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

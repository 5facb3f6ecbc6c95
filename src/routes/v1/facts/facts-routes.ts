import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { JSON_ONLY } from '../../../plugins/app/content-negotiation.js'
import { NotFoundError } from '../../../http/errors.js'
import { factSchema } from '../../../schemas/fact.js'
import {
  factFacetsQuerySchema,
  factFacetsSchema,
  factListQuerySchema,
  factPageSchema
} from '../../../schemas/fact-query.js'
import { problemResponses } from '../../../schemas/problem.js'
import { idParamsSchema, noQuerySchema } from '../../../schemas/vocabulary.js'
import { decodeCursor, encodeCursor } from './fact-cursor.js'
import { checkFilters, echoQuery, effectiveSort } from './fact-filters.js'
import { toFacetLists } from './facet-lists.js'

const factsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { facts } = app.repositories

  app.get('/v1/facts', {
    config: JSON_ONLY,
    schema: {
      operationId: 'listFacts',
      summary: 'List facts matching filters',
      description:
        'A page of facts. Different filters combine with AND; repeated values of one filter with OR. ' +
        'Paging is keyset-based: follow `page.nextCursor` (or the `Link: rel="next"` header) until it is null.',
      tags: ['facts'],
      querystring: factListQuerySchema,
      response: { 200: factPageSchema, ...problemResponses(400, 406, 429) }
    }
  }, async (request, reply) => {
    const { sort: requestedSort, limit, cursor, ...filters } = request.query
    const sort = effectiveSort(requestedSort, filters.q)
    checkFilters({ ...filters, sort }, app.dataset.vocabularies)
    const after = cursor === undefined ? undefined : decodeCursor(cursor, sort, filters)
    const page = facts.page({ filters, sort, limit, after })
    const nextCursor = page.next && encodeCursor(sort, filters, page.next)
    if (nextCursor) reply.header('link', `<${withCursor(request.url, nextCursor)}>; rel="next"`)
    return {
      data: page.facts,
      page: { limit, total: facts.count(filters), nextCursor },
      query: echoQuery(filters, sort)
    }
  })

  app.get('/v1/facts/facets', {
    config: JSON_ONLY,
    schema: {
      operationId: 'getFactFacets',
      summary: 'Count matching facts by year, category, form, actor and country',
      description:
        'Takes the same filters as `/v1/facts`. A fact with several categories (forms, actors) counts once under each. ' +
        'Each list is ordered by count descending, then value.',
      tags: ['facts'],
      querystring: factFacetsQuerySchema,
      response: { 200: factFacetsSchema, ...problemResponses(400, 406, 429) }
    }
  }, async (request) => {
    checkFilters(request.query, app.dataset.vocabularies)
    return toFacetLists(facts.facets(request.query))
  })

  app.get('/v1/facts/:id', {
    config: JSON_ONLY,
    schema: {
      operationId: 'getFact',
      summary: 'Get one fact by id',
      querystring: noQuerySchema,
      tags: ['facts'],
      params: idParamsSchema.extend({ id: idParamsSchema.shape.id.describe('Fact id.').meta({ examples: ['ru-2013-sex-trafficking-prosecutions'] }) }),
      response: { 200: factSchema, ...problemResponses(400, 404, 406, 429) }
    }
  }, async (request) => {
    const fact = facts.findById(request.params.id)
    if (!fact) throw new NotFoundError(`No fact has the id "${request.params.id}".`)
    return fact
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

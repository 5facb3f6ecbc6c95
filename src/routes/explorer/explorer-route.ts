import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { sendPage } from '../../plugins/app/html-pages.js'
import { factListQuerySchema } from '../../schemas/fact-query.js'
import type { Fact } from '../../schemas/fact.js'
import { decodeCursor, encodeCursor } from '../v1/facts/fact-cursor.js'
import { resolveFactQuery } from '../v1/facts/resolve-fact-query.js'
import { number } from './figure-words.js'
import { activeFilters, facetViews, factItems, linkTo, sortOptions, viewLinks } from './list-view.js'
import { filterParams } from './view-links.js'

const DEFAULT_LIMIT = factListQuerySchema.shape.limit.parse(undefined)

/**
 * `/`: the facts of `/v1/facts` for the same query string, with the facets of
 * `/v1/facts/facets`, through the same schema, resolution, repository calls and cursors.
 */
const explorerRoute: FastifyPluginAsyncZod = async (app) => {
  const { facts } = app.repositories

  app.get('/', {
    config: { responseCache: true },
    schema: { hide: true, querystring: factListQuerySchema }
  }, async (request, reply) => {
    const { sort: requestedSort, limit, cursor, ...filters } = request.query
    const { query, sort } = resolveFactQuery(filters, requestedSort, app.dataset.vocabularies)
    const after = cursor === undefined ? undefined : decodeCursor(cursor, sort, query.key)
    const page = facts.page({ query, sort, limit, after })
    const nextCursor = page.next === null ? null : encodeCursor(sort, query.key, page.next)

    // what a link to another view keeps from this one: the page size and an explicit sort
    const keep = new URLSearchParams()
    if (limit !== DEFAULT_LIMIT) keep.set('limit', String(limit))
    if (requestedSort !== undefined) keep.set('sort', requestedSort)
    const search = new URLSearchParams(request.url.split('?', 2)[1] ?? '')
    const facets = facetViews(app, query, keep)
    const hidden = filterParams(query.filters)
    hidden.delete('q')
    if (limit !== DEFAULT_LIMIT) hidden.set('limit', String(limit))

    return sendPage(reply, 'explorer', {
      title: query.filters.q ? `“${query.filters.q}” · Facts explorer` : 'Facts explorer',
      q: query.filters.q ?? '',
      hidden: [...hidden],
      sorts: sortOptions(sort, query.filters.q !== undefined),
      total: facts.count(query),
      number,
      facts: factItems(app, page.facts.map((json) => JSON.parse(json) as Fact)),
      facets,
      active: activeFilters(query.filters, keep, facets),
      clearAll: linkTo({}, keep),
      links: viewLinks(search, nextCursor),
      onFirstPage: cursor === undefined
    })
  })
}

export default explorerRoute

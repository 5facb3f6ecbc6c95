import { invalidParameters, type ParameterError } from '../../../http/errors.js'
import { FACT_FILTERS, FILTER_NAMES, normalizeFilters, type FactFilters, type FactQuery, type Vocabularies } from '../../../schemas/fact-filters.js'
import type { FactSort, QueryEcho } from '../../../schemas/fact-query.js'

export interface ResolvedFactQuery {
  query: FactQuery
  sort: FactSort
  echo: QueryEcho
}

/**
 * The request's filters and sort, normalized once: values outside their vocabulary are a 400
 * naming the valid ones (a typo must not read as "no facts match"), lists are put in one
 * canonical order, and the default sort is applied.
 */
export function resolveFactQuery(filters: FactFilters, requestedSort: FactSort | undefined, vocabularies: Vocabularies): ResolvedFactQuery {
  const errors: ParameterError[] = []
  for (const name of FILTER_NAMES) {
    const refuse = FACT_FILTERS[name].refuse
    const value = filters[name]
    if (!refuse || value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) {
      const message = refuse(String(one), vocabularies)
      if (message) errors.push({ in: 'query', name, message })
    }
  }
  if (filters.yearFrom !== undefined && filters.yearTo !== undefined && filters.yearFrom > filters.yearTo) {
    errors.push({ in: 'query', name: 'yearFrom', message: `yearFrom (${filters.yearFrom}) is after yearTo (${filters.yearTo})` })
  }
  if (requestedSort === 'relevance' && filters.q === undefined) {
    errors.push({ in: 'query', name: 'sort', message: 'sort=relevance needs a full-text query q' })
  }
  if (errors.length) throw invalidParameters(errors)
  const query = normalizeFilters(filters)
  const sort = requestedSort ?? (filters.q === undefined ? '-year' : 'relevance')
  return { query, sort, echo: { ...query.filters, sort } }
}

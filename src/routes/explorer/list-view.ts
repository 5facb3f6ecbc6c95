import type { FastifyInstance } from 'fastify'
import { FACET_NAMES, FACT_FACETS, toFacetLists } from '../../schemas/fact-facets.js'
import { FACT_FILTERS, countryName, type FactFilters, type FactQuery, type FilterName } from '../../schemas/fact-filters.js'
import { FACET_LIMIT_DEFAULT, FACT_SORTS, type FactSort } from '../../schemas/fact-query.js'
import type { Fact } from '../../schemas/fact.js'
import { figureInWords } from './figure-words.js'
import { filterParams, href, humanize, toggled, valuesOf, withParam } from './view-links.js'

const SORT_LABELS: Record<FactSort, string> = {
  '-year': 'Latest year first',
  year: 'Earliest year first',
  id: 'By id',
  relevance: 'Best match first'
}

interface FacetValue {
  value: string | null
  label: string
  count: number
  href: string | null
  active: boolean
}

/** One list page's facts, as the explorer shows them. */
export function factItems(app: FastifyInstance, facts: Fact[]) {
  const units = app.dataset.labels.units
  return facts.map((fact) => ({
    id: fact.id,
    href: `/facts/${encodeURIComponent(fact.id)}`,
    statement: fact.statement,
    year: fact.year,
    publishedYear: fact.publishedYear,
    country: countryName(fact.country),
    categories: fact.categories.map((c) => app.dataset.labels.categories.get(c) ?? c),
    figures: fact.figures.map((f) => figureInWords(f, units.get(f.unit) ?? f.unit)),
    quote: fact.evidence[0]?.quote ?? ''
  }))
}

/**
 * The facet lists of /v1/facts/facets for the same filters, in the order of the facet table
 * (FACT_FACETS), each value a link toggling the filter the facet is named after: a facet added
 * to the table shows here with no change.
 */
export function facetViews(app: FastifyInstance, query: FactQuery, keep: URLSearchParams) {
  const lists = toFacetLists(app.repositories.facts.facets(query), app.dataset.labels, FACET_LIMIT_DEFAULT)
  // A value not yet chosen of a repeatable filter adds one pair to this view's query string:
  // built by concatenation, as a page lists a hundred such links (URLSearchParams for each
  // cost a tenth of the page's CPU).
  const here = linkTo(query.filters, keep)
  const adding = (name: FilterName, value: string) => `${here}${here === '/' ? '?' : '&'}${name}=${encodeURIComponent(value)}`
  return FACET_NAMES.map((name) => {
    const active = valuesOf(query.filters, name)
    const repeatable = FACT_FILTERS[name].repeatable
    const items: FacetValue[] = (lists[name] as { value: string | number | null; label?: string; count: number }[]).map((v) => {
      const value = v.value === null ? null : String(v.value)
      return {
        value,
        label: v.label ?? (value ?? 'No year stated'),
        count: v.count,
        href: value === null ? null : repeatable && !active.includes(value) ? adding(name, value) : linkTo(toggled(query.filters, name, value), keep),
        active: value !== null && active.includes(value)
      }
    })
    // numbers (years) read in their own order, newest first, "no year" last; the API lists them by count
    if (FACT_FACETS[name].numeric) items.sort((a, b) => (b.value === null ? -Infinity : Number(b.value)) - (a.value === null ? -Infinity : Number(a.value)))
    return { name, title: humanize(name), items, truncated: lists.truncated.includes(name), open: active.length > 0 || items.length <= 8 }
  }).filter((f) => f.items.length > 0)
}

/** Each active filter value with its label and a link that removes it. */
export function activeFilters(filters: FactFilters, keep: URLSearchParams, facets: ReturnType<typeof facetViews>) {
  return (Object.keys(filters) as FilterName[]).flatMap((name) =>
    valuesOf(filters, name).map((value) => {
      // the facet of the same name labels it; a value no matching fact carries (an excluded
      // flag, say) is shown as the query string spells it
      const label = facets.find((f) => f.name === name)?.items.find((i) => i.value === value)?.label ?? value
      return { filter: humanize(name), label, href: linkTo(toggled(filters, name, value), keep) }
    })
  )
}

/** A link to the explorer with these filters, keeping the page size and sort. */
export function linkTo(filters: FactFilters, keep: URLSearchParams): string {
  const params = filterParams(filters)
  for (const [name, value] of keep) params.set(name, value)
  return href('/', params)
}

export function sortOptions(current: FactSort, hasQuery: boolean) {
  return FACT_SORTS.filter((s) => s !== 'relevance' || hasQuery).map((value) => ({ value, label: SORT_LABELS[value] ?? value, selected: value === current }))
}

/** The same view elsewhere: as JSON, downloaded, the next page, the first page. */
export function viewLinks(search: URLSearchParams, nextCursor: string | null) {
  const exportParams = withParam(withParam(search, 'cursor', undefined), 'limit', undefined)
  return {
    json: href('/v1/facts', search),
    csv: href('/v1/facts/export', withParam(exportParams, 'format', 'csv')),
    ndjson: href('/v1/facts/export', withParam(exportParams, 'format', 'ndjson')),
    next: nextCursor === null ? null : href('/', withParam(search, 'cursor', nextCursor)),
    first: search.has('cursor') ? href('/', withParam(search, 'cursor', undefined)) : null
  }
}

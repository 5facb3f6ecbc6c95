import { NO_YEAR } from '../../../facts-index/dimensions.js'
import type { ValueCount } from '../../../facts-index/facet-counts.js'
import { FACET_DIMENSIONS, type FacetCounts } from '../../../repositories/facts/facts-repository.js'
import { countryName } from '../../../schemas/fact-filters.js'
import type { FactFacets } from '../../../schemas/fact-query.js'

type LabelledFacet = 'category' | 'form' | 'actor' | 'unit' | 'flag'
export type FacetLabels = Record<LabelledFacet, Map<string, string>>

// Count descending, then value ascending; a year sorts by number, "no year" after every year.
function byCountThenValue(numeric: boolean) {
  const key = (v: string) => (numeric ? (v === NO_YEAR ? Infinity : Number(v)) : v)
  return (a: ValueCount, b: ValueCount) => b.count - a.count || (key(a.value) < key(b.value) ? -1 : key(a.value) > key(b.value) ? 1 : 0)
}

/** The repository's counts as the API lists them: ordered, labelled, at most `limit` per facet. */
export function toFacetLists(counts: FacetCounts, labels: FacetLabels, limit: number): FactFacets {
  const truncated = FACET_DIMENSIONS.filter((d) => counts[d].length > limit)
  // copies: the repository's counts are memoized and must stay as they are
  const top = (dimension: (typeof FACET_DIMENSIONS)[number]) =>
    [...counts[dimension]].sort(byCountThenValue(dimension === 'year')).slice(0, limit)
  const labelled = (dimension: LabelledFacet) =>
    top(dimension).map((c) => ({ value: c.value, label: labels[dimension].get(c.value) ?? c.value, count: c.count }))
  return {
    year: top('year').map((c) => ({ value: c.value === NO_YEAR ? null : Number(c.value), count: c.count })),
    category: labelled('category'),
    form: labelled('form'),
    actor: labelled('actor'),
    country: top('country').map((c) => ({ value: c.value, label: countryName(c.value), count: c.count })),
    relatedCountry: top('relatedCountry').map((c) => ({ value: c.value, label: countryName(c.value), count: c.count })),
    unit: labelled('unit'),
    flag: labelled('flag'),
    truncated
  }
}

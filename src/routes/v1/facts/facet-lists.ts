import type { FacetCounts } from '../../../repositories/facts/facts-repository.js'
import type { FacetRow } from '../../../repositories/facts/facet-queries.js'
import type { FactFacets } from '../../../schemas/fact-query.js'
import { countryName } from './fact-filters.js'

// Count descending, then value ascending; a null year sorts after every year.
function byCountThenValue(a: FacetRow, b: FacetRow): number {
  if (a.count !== b.count) return b.count - a.count
  if (a.value === b.value) return 0
  if (a.value === null) return 1
  if (b.value === null) return -1
  return a.value < b.value ? -1 : 1
}

// sorts copies: the repository's facet counts are memoized and must stay as they are
const labelled = (rows: FacetRow[]) =>
  [...rows]
    .sort(byCountThenValue).map((r) => ({ value: String(r.value), label: r.label ?? String(r.value), count: r.count }))

export function toFacetLists(counts: FacetCounts): FactFacets {
  return {
    year: [...counts.year].sort(byCountThenValue).map((r) => ({ value: r.value === null ? null : Number(r.value), count: r.count })),
    category: labelled(counts.category),
    form: labelled(counts.form),
    actor: labelled(counts.actor),
    country: labelled(counts.country.map((r) => ({ ...r, label: countryName(String(r.value)) })))
  }
}

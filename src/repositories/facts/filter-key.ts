import type { FactFilters } from '../../schemas/fact-query.js'

/** One string per distinct filter set, whatever the order or the absent keys. */
export function filterKey(filters: FactFilters): string {
  return JSON.stringify(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
  )
}

import { FACT_FILTERS, type FactFilters, type FilterName } from '../../schemas/fact-filters.js'

type FilterValue = string | number | boolean

/** A filter's values as the query string spells them. */
export function valuesOf(filters: FactFilters, name: FilterName): string[] {
  const value = filters[name] as FilterValue | FilterValue[] | undefined
  if (value === undefined) return []
  return (Array.isArray(value) ? value : [value]).map(String)
}

/** The filters as query-string pairs, repeatable ones repeated: the API reads them back the same. */
export function filterParams(filters: FactFilters): URLSearchParams {
  const params = new URLSearchParams()
  for (const name of Object.keys(filters) as FilterName[]) {
    for (const value of valuesOf(filters, name)) params.append(name, value)
  }
  return params
}

/** The filters with one value added, or removed when it is there already; a new view starts on page 1. */
export function toggled(filters: FactFilters, name: FilterName, value: string): FactFilters {
  const current = valuesOf(filters, name)
  const next: Record<string, unknown> = { ...filters }
  if (current.includes(value)) {
    const rest = current.filter((v) => v !== value)
    if (rest.length > 0 && FACT_FILTERS[name].repeatable) next[name] = rest
    else delete next[name]
  } else {
    next[name] = FACT_FILTERS[name].repeatable ? [...current, value] : value
  }
  return next as FactFilters
}

export function href(path: string, params: URLSearchParams): string {
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/** A copy of the parameters with `name` set (or deleted when value is undefined). */
export function withParam(params: URLSearchParams, name: string, value: string | undefined): URLSearchParams {
  const copy = new URLSearchParams(params)
  if (value === undefined) copy.delete(name)
  else copy.set(name, value)
  return copy
}

/** "relatedCountry" → "Related country": a heading from the filter's own name, no list to keep. */
export function humanize(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Only http(s) URLs become links: a `javascript:` or `data:` URL in the data stays text. */
export function safeUrl(url: string | null | undefined): string | null {
  return url && /^https?:\/\/[^\s]+$/i.test(url) ? url : null
}

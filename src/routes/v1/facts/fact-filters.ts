import { invalidParameters, type ParameterError } from '../../../http/errors.js'
import type { Vocabularies } from '../../../plugins/app/database.js'
import type { FactFilters, FactSort, QueryEcho } from '../../../schemas/fact-query.js'

/**
 * Rejects values outside their vocabulary with a 400 naming the valid ones: a typo must not
 * read as "no facts match".
 */
export function checkFilters(filters: FactFilters & { sort?: FactSort | undefined }, vocabularies: Vocabularies): void {
  const errors: ParameterError[] = []
  // Closed vocabularies are short enough to list; actors and sources grow with the data,
  // so the message points at their listing instead.
  const check = (name: string, values: readonly string[] | undefined, known: Set<string>, listedAt?: string) => {
    for (const value of values ?? []) {
      if (known.has(value)) continue
      const hint = listedAt ? `valid values are listed at ${listedAt}` : `valid values: ${[...known].join(', ')}`
      errors.push({ in: 'query', name, message: `unknown value "${value}"; ${hint}` })
    }
  }
  const one = (value: string | undefined) => (value === undefined ? undefined : [value])
  check('category', filters.category, vocabularies.categories)
  check('form', filters.form, vocabularies.forms)
  check('actorType', one(filters.actorType), vocabularies.actorTypes)
  check('actor', filters.actor, vocabularies.actors, '/v1/actors')
  check('source', one(filters.source), vocabularies.sources, '/v1/sources')
  if (filters.country !== undefined && !isCountryCode(filters.country)) {
    errors.push({ in: 'query', name: 'country', message: `"${filters.country}" is not an ISO 3166-1 alpha-2 country code` })
  }
  if (filters.yearFrom !== undefined && filters.yearTo !== undefined && filters.yearFrom > filters.yearTo) {
    errors.push({ in: 'query', name: 'yearFrom', message: `yearFrom (${filters.yearFrom}) is after yearTo (${filters.yearTo})` })
  }
  if (filters.sort === 'relevance' && filters.q === undefined) {
    errors.push({ in: 'query', name: 'sort', message: 'sort=relevance needs a full-text query q' })
  }
  if (errors.length) throw invalidParameters(errors)
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && regionNames.of(code) !== undefined
}

export function countryName(code: string): string {
  return (isCountryCode(code) && regionNames.of(code)) || code
}

export function effectiveSort(sort: FactSort | undefined, q: string | undefined): FactSort {
  return sort ?? (q === undefined ? '-year' : 'relevance')
}

/** The filters as understood: defaults applied, empty ones left out. */
export function echoQuery(filters: FactFilters, sort: FactSort): QueryEcho {
  const echo: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue
    echo[key] = value
  }
  return { ...echo, sort } as QueryEcho
}

import { loadCuratedData, type FactEntry } from '../../src/curation/load-curated-data.js'
import { FIXTURE_DATA_DIR } from './paths.js'

// An independent, in-memory reading of the fixture files: tests compare the API's SQL answers
// with what plain JavaScript filtering of the curated data says they must be.
export const fixture = loadCuratedData(FIXTURE_DATA_DIR)
const actorTypes = new Map(fixture.actors.map((a) => [a.id, a.type]))

export interface OracleFilters {
  id?: string[]
  year?: number[]
  yearFrom?: number
  yearTo?: number
  category?: string[]
  form?: string[]
  actor?: string[]
  actorType?: string
  country?: string
  relatedCountry?: string[]
  source?: string
  unit?: string[]
  flag?: string[]
  excludeFlag?: string[]
  hasFigures?: boolean
}

const anyOf = (wanted: string[] | undefined, have: string[]) => !wanted || wanted.some((w) => have.includes(w))

export function matches(entry: FactEntry, f: OracleFilters): boolean {
  const fact = entry.fact
  if (f.id && !f.id.includes(fact.id)) return false
  if (f.year && !(fact.year !== null && f.year.includes(fact.year))) return false
  if (f.yearFrom !== undefined && !(fact.year !== null && fact.year >= f.yearFrom)) return false
  if (f.yearTo !== undefined && !(fact.year !== null && fact.year <= f.yearTo)) return false
  if (!anyOf(f.category, fact.categories) || !anyOf(f.form, fact.forms) || !anyOf(f.actor, fact.actors)) return false
  if (f.actorType && !fact.actors.some((a) => actorTypes.get(a) === f.actorType)) return false
  if (f.country && fact.country !== f.country) return false
  if (!anyOf(f.relatedCountry, fact.relatedCountries.map((r) => r.code))) return false
  if (f.source && !fact.evidence.some((e) => e.sourceId === f.source)) return false
  if (!anyOf(f.unit, fact.figures.map((x) => x.unit))) return false
  // a flag is its slug, whatever fact a conflicts-with names
  const flags = fact.flags.map((x) => x.split(':')[0]!)
  if (!anyOf(f.flag, flags)) return false
  if (f.excludeFlag && f.excludeFlag.some((x) => flags.includes(x))) return false
  // age bounds are numbers but not quantities
  if (f.hasFigures !== undefined && fact.figures.some((x) => x.kind === 'quantity') !== f.hasFigures) return false
  return true
}

export function expectedIds(filters: OracleFilters): string[] {
  return fixture.facts.filter((e) => matches(e, filters)).map((e) => e.fact.id).sort()
}

/** Filters as a query string, repeating array parameters. */
export function toQuery(filters: object): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v))
  }
  return params.toString()
}

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { seededRandom } from '../../bench/random.js'

/**
 * A plain reading of a synthetic-data directory (bench/synthetic-data.ts), sharing no code with
 * the build or the index: each filter is a test on the fact's own fields, each order a sort of
 * the matches, each facet a tally. Tests compare the API's answers at scale with it.
 */
export interface SyntheticFact {
  id: string
  year: number | null
  country: string
  categories: string[]
  forms: string[]
  actors: string[]
  figures: { unit: string; kind?: string }[]
  flags: string[]
}

export interface Filters {
  year?: number[]
  yearFrom?: number
  yearTo?: number
  category?: string[]
  form?: string[]
  actor?: string[]
  actorType?: string
  country?: string
  hasFigures?: boolean
  unit?: string[]
  flag?: string[]
  excludeFlag?: string[]
}

export function readSyntheticFacts(dir: string): { facts: SyntheticFact[]; actorTypes: Map<string, string> } {
  const facts: SyntheticFact[] = []
  for (const file of readdirSync(join(dir, 'facts')).sort()) {
    for (const line of readFileSync(join(dir, 'facts', file), 'utf8').split('\n')) if (line) facts.push(JSON.parse(line) as SyntheticFact)
  }
  const actors = parse(readFileSync(join(dir, 'vocabularies', 'actors.yaml'), 'utf8')) as { id: string; type: string }[]
  return { facts, actorTypes: new Map(actors.map((a) => [a.id, a.type])) }
}

const anyOf = (wanted: string[] | undefined, have: string[]) => !wanted || wanted.some((w) => have.includes(w))
const hasQuantity = (f: SyntheticFact) => f.figures.some((x) => (x.kind ?? 'quantity') === 'quantity')

export function matcher(actorTypes: Map<string, string>, f: Filters) {
  return (fact: SyntheticFact): boolean =>
    (!f.year || (fact.year !== null && f.year.includes(fact.year))) &&
    (f.yearFrom === undefined || (fact.year !== null && fact.year >= f.yearFrom)) &&
    (f.yearTo === undefined || (fact.year !== null && fact.year <= f.yearTo)) &&
    anyOf(f.category, fact.categories) &&
    anyOf(f.form, fact.forms) &&
    anyOf(f.actor, fact.actors) &&
    (!f.actorType || fact.actors.some((a) => actorTypes.get(a) === f.actorType)) &&
    (!f.country || fact.country === f.country) &&
    (f.hasFigures === undefined || hasQuantity(fact) === f.hasFigures) &&
    anyOf(f.unit, fact.figures.map((x) => x.unit)) &&
    anyOf(f.flag, fact.flags) &&
    !(f.excludeFlag ?? []).some((x) => fact.flags.includes(x))
}

const byId = (a: SyntheticFact, b: SyntheticFact) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
// years descending or ascending, facts without a year last in both, then id
const byYear = (direction: 1 | -1) => (a: SyntheticFact, b: SyntheticFact) =>
  a.year === b.year ? byId(a, b) : a.year === null ? 1 : b.year === null ? -1 : direction * (a.year - b.year) || byId(a, b)
export const ORDERS = { '-year': byYear(-1), year: byYear(1), id: byId }

/** Matching facts per value of each facet, as the API names them (`null` for no year). */
export function facetCounts(facts: SyntheticFact[]): Record<string, Map<string | number | null, number>> {
  const counts: Record<string, Map<string | number | null, number>> = {}
  const add = (facet: string, values: (string | number | null)[]) => {
    const map = (counts[facet] ??= new Map())
    for (const value of new Set(values)) map.set(value, (map.get(value) ?? 0) + 1)
  }
  for (const fact of facts) {
    add('year', [fact.year])
    add('category', fact.categories)
    add('form', fact.forms)
    add('actor', fact.actors)
    add('country', [fact.country])
    add('unit', fact.figures.map((x) => x.unit))
    add('flag', fact.flags)
  }
  return counts
}

/** Filter sets of one to four filters, lists of one or two values, drawn from what the data holds. */
export function randomFilterSets(count: number, seed: number, actorTypes: Map<string, string>): Filters[] {
  const rand = seededRandom(seed)
  const one = <T>(values: readonly T[]) => values[Math.floor(rand() * values.length)]!
  const some = <T>(values: readonly T[]) => [...new Set([one(values), ...(rand() < 0.3 ? [one(values)] : [])])]
  const years = Array.from({ length: 32 }, (_, i) => 1994 + i)
  const actors = [...actorTypes.keys()]
  const categories = ['prosecution', 'protection', 'prevention', 'prevalence', 'trafficking-profile', 'complicity', 'victim-account', 'assessment']
  const forms = ['sex-trafficking', 'forced-labor', 'forced-marriage', 'child-soldiering', 'forced-criminality', 'organ-removal', 'forced-begging', 'domestic-servitude']
  const flags = ['subject-unclear', 'truncated-in-source']
  const draws: ((f: Filters) => void)[] = [
    (f) => (f.year = some(years)),
    (f) => (f.yearFrom = one(years)),
    (f) => (f.yearTo = one(years)),
    (f) => (f.category = some(categories)),
    (f) => (f.form = some(forms)),
    // zipf-skewed like the data: common actors and the long tail both get asked
    (f) => (f.actor = some(actors.slice(0, rand() < 0.5 ? 8 : actors.length))),
    (f) => (f.actorType = one([...new Set(actorTypes.values())])),
    (f) => (f.country = one(['RU', 'UA', 'KZ', 'IR', 'NG', 'VN', 'CN', 'KE'])),
    (f) => (f.hasFigures = rand() < 0.5),
    (f) => (f.unit = ['people']),
    (f) => (f.flag = some(flags)),
    (f) => (f.excludeFlag = some(flags))
  ]
  const sets: Filters[] = [{}]
  while (sets.length < count) {
    const filters: Filters = {}
    for (let n = 1 + Math.floor(rand() * 4); n > 0; n--) one(draws)(filters)
    if (filters.yearFrom !== undefined && filters.yearTo !== undefined && filters.yearFrom > filters.yearTo) continue
    sets.push(filters)
  }
  return sets
}

import { z } from 'zod'
import type { Dimension } from '../facts-index/dimensions.js'
import { closedVocabulary, type ClosedVocabulary } from './closed-vocabulary.js'
import { decimalInteger } from './decimal-integer.js'
import { ID_MAX_LENGTH, SLUG_MESSAGE, SLUG_PATTERN } from './identifier.js'

/** The valid values of the filters that name a vocabulary term, read once at start. */
export interface Vocabularies {
  categories: Set<string>
  forms: Set<string>
  actorTypes: Set<string>
  actors: Set<string>
  sources: Set<string>
  units: Set<string>
  flags: Set<string>
}

/**
 * How a filter selects facts: values of an index dimension (any of; with `exclude`, the facts
 * carrying none of them), a year bound, text search, or facts named by id.
 */
export type FilterSelection = { dimension: Dimension; exclude?: true } | { yearBound: 'from' | 'to' } | { search: true } | { ids: true }

interface FilterDefinition<Input extends z.ZodType, Echo extends z.ZodType> {
  /** The query-string parameter: validation, OpenAPI description and example. */
  parameter: Input
  /** How the parameter is echoed in a page's `query`. */
  echo: Echo
  repeatable: boolean
  selects: FilterSelection
  /** Why a parsed value is refused (outside its vocabulary, say), or undefined when it is valid. */
  refuse?: (value: string, vocabularies: Vocabularies) => string | undefined
}

const define = <I extends z.ZodType, E extends z.ZodType>(d: FilterDefinition<I, E>) => d

const year = decimalInteger(1800, 2100)
/** Most facts one request may name by id. */
export const MAX_IDS = 100
const slugList = (what: string, example: string, vocabulary?: ClosedVocabulary) =>
  z.array(z.string().min(1).max(100).meta(vocabulary ? closedVocabulary(vocabulary) : {})).max(50).optional()
    .describe(`${what} (repeatable: matches any of them).`).meta({ examples: [[example]] })
const termList = (vocabulary: ClosedVocabulary) => z.array(z.string().meta(closedVocabulary(vocabulary))).optional()

// Closed vocabularies are short enough to list; actors and sources grow with the data, so the
// message points at their listing instead.
const inVocabulary = (name: keyof Vocabularies, listedAt?: string) => (value: string, vocabularies: Vocabularies) => {
  const known = vocabularies[name]
  if (known.has(value)) return undefined
  return `unknown value "${value}"; ${listedAt ? `valid values are listed at ${listedAt}` : `valid values: ${[...known].join(', ')}`}`
}

const countryCode = z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as RU')
const refuseCountry = (code: string) => (isCountryCode(code) ? undefined : `"${code}" is not an ISO 3166-1 alpha-2 country code`)

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' })

// Intl.DisplayNames takes microseconds a call, and the build asks for every fact, a facets
// answer for every country: the names of the 676 possible codes are kept once asked
const regionNameCache = new Map<string, string | null>()
function regionName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null
  let name = regionNameCache.get(code)
  if (name === undefined) regionNameCache.set(code, (name = regionNames.of(code) ?? null))
  return name
}

export function isCountryCode(code: string): boolean {
  return regionName(code) !== null
}

export function countryName(code: string): string {
  return regionName(code) ?? code
}

/**
 * Every filter of /v1/facts, its facets and its export, defined once: the query-string schema,
 * the echo, which parameters repeat, the vocabulary check and the index term all come from here.
 */
export const FACT_FILTERS = {
  // Looked up by id rather than indexed as a dimension: a posting list per fact would cost the
  // index a million one-member lists, where a lookup costs one B-tree probe per named id.
  id: define({
    parameter: z.array(z.string().max(ID_MAX_LENGTH).regex(SLUG_PATTERN, SLUG_MESSAGE)).max(MAX_IDS).optional()
      .describe(`Fact id (repeatable, at most ${MAX_IDS}: matches any of them). An id no fact has matches nothing; it is not an error.`)
      .meta({ examples: [['ru-2013-sex-trafficking-prosecutions']] }),
    echo: z.array(z.string()).optional(),
    repeatable: true,
    selects: { ids: true }
  }),
  year: define({
    parameter: z.array(year).max(50).optional().describe('Year the claim is about (repeatable: any of).').meta({ examples: [[2013]] }),
    echo: z.array(z.int()).optional(),
    repeatable: true,
    selects: { dimension: 'year' }
  }),
  yearFrom: define({
    parameter: year.optional().describe('Earliest year, inclusive.').meta({ examples: [2012] }),
    echo: z.int().optional(),
    repeatable: false,
    selects: { yearBound: 'from' }
  }),
  yearTo: define({
    parameter: year.optional().describe('Latest year, inclusive.').meta({ examples: [2013] }),
    echo: z.int().optional(),
    repeatable: false,
    selects: { yearBound: 'to' }
  }),
  // Publication years are few and discrete (one per origin document), so a repeatable value
  // selects them, like `year`, through the index's posting lists, and each value of its facet
  // is one filter value; a range would need a second kind of bound on an order facts are not in.
  publishedYear: define({
    // the example sits on the items, as for `flag`: the example fact has no publication year
    parameter: z.array(year.meta({ examples: [2018] })).max(50).optional()
      .describe('Year the claim was published, from its origin documents (`publishedYear`; repeatable: any of). Facts with no known publication year never match.'),
    echo: z.array(z.int()).optional(),
    repeatable: true,
    selects: { dimension: 'publishedYear' }
  }),
  category: define({
    parameter: slugList('Category slug from `/v1/categories`', 'prosecution', 'categories'),
    echo: termList('categories'),
    repeatable: true,
    selects: { dimension: 'category' },
    refuse: inVocabulary('categories')
  }),
  form: define({
    parameter: slugList('Form of exploitation from `/v1/forms`', 'sex-trafficking', 'forms'),
    echo: termList('forms'),
    repeatable: true,
    selects: { dimension: 'form' },
    refuse: inVocabulary('forms')
  }),
  actor: define({
    parameter: slugList('Actor id from `/v1/actors`', 'russian-government', 'actors'),
    echo: z.array(z.string()).optional(),
    repeatable: true,
    selects: { dimension: 'actor' },
    refuse: inVocabulary('actors', '/v1/actors')
  }),
  actorType: define({
    parameter: z.string().min(1).max(100).meta(closedVocabulary('actorTypes')).optional()
      .describe('Only facts naming an actor of this type, e.g. `government`.').meta({ examples: ['government'] }),
    echo: z.string().meta(closedVocabulary('actorTypes')).optional(),
    repeatable: false,
    selects: { dimension: 'actorType' },
    refuse: inVocabulary('actorTypes')
  }),
  country: define({
    // description and examples sit on the input side of the transform, where OpenAPI reads them
    parameter: countryCode
      .describe(
        'ISO 3166-1 alpha-2 code of the country the claim is about (case-insensitive). Any assigned code is accepted, ' +
          'and one no fact names matches nothing; so no `enum` (it would refuse lower case): `/v1/facts/facets` lists the countries with facts.'
      )
      .meta({ examples: ['RU'] }).transform((c) => c.toUpperCase()).optional(),
    echo: z.string().optional(),
    repeatable: false,
    selects: { dimension: 'country' },
    refuse: refuseCountry
  }),
  relatedCountry: define({
    parameter: z.array(countryCode.describe('ISO 3166-1 alpha-2 code (case-insensitive).').meta({ examples: ['NG'] }).transform((c) => c.toUpperCase()))
      .max(50).optional()
      .describe('Another country the fact names, e.g. the nationality of victims (repeatable: any of); see `relatedCountries`.'),
    echo: z.array(z.string()).optional(),
    repeatable: true,
    selects: { dimension: 'relatedCountry' },
    refuse: refuseCountry
  }),
  source: define({
    parameter: z.string().min(1).max(200).meta(closedVocabulary('sources')).optional().describe('Source id from `/v1/sources`.').meta({ examples: ['ru-trafficking-excerpts'] }),
    echo: z.string().optional(),
    repeatable: false,
    selects: { dimension: 'source' },
    refuse: inVocabulary('sources', '/v1/sources')
  }),
  q: define({
    parameter: z.string().trim().min(1).max(200)
      .refine((q) => /[\p{L}\p{N}]/u.test(q), 'must contain at least one letter or digit').optional()
      .describe('Full-text search over statements and quotes; every word must match, results ranked by relevance.')
      .meta({ examples: ['prosecuted'] }),
    echo: z.string().optional(),
    repeatable: false,
    selects: { search: true }
  }),
  unit: define({
    parameter: slugList('Only facts with a figure in this unit, a slug from `/v1/units`', 'defendants', 'units'),
    echo: termList('units'),
    repeatable: true,
    selects: { dimension: 'unit' },
    refuse: inVocabulary('units')
  }),
  flag: define({
    // the example sits on the items: the parameters' examples together find the Fact example,
    // which carries no conflicts-with flag
    parameter: z.array(z.string().min(1).max(100).meta({ ...closedVocabulary('flags'), examples: ['conflicts-with'] })).max(50).optional()
      .describe('Only facts carrying this curation flag, a slug from `/v1/flags`; `conflicts-with` matches any conflict (repeatable: any of).'),
    echo: termList('flags'),
    repeatable: true,
    selects: { dimension: 'flag' },
    refuse: inVocabulary('flags')
  }),
  excludeFlag: define({
    parameter: z.array(z.string().min(1).max(100).meta(closedVocabulary('flags'))).max(50).optional()
      .describe('Leave out facts carrying this curation flag, a slug from `/v1/flags` (repeatable: facts carrying any of them are left out).')
      .meta({ examples: [['undated', 'truncated-in-source']] }),
    echo: termList('flags'),
    repeatable: true,
    selects: { dimension: 'flag', exclude: true },
    refuse: inVocabulary('flags')
  }),
  hasFigures: define({
    // read from its query-string spelling before validation, so the document shows the boolean a
    // client sends and gets echoed back (`query.hasFigures`); zod documents a preprocessed value by
    // its inner schema, which therefore carries the description and example
    parameter: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: 'must be true or false' })
      .describe('`true`: only facts stating a quantity (a figure of kind `quantity`; age bounds do not count); `false`: only facts without one.').meta({ examples: [true] })).optional(),
    echo: z.boolean().optional(),
    repeatable: false,
    selects: { dimension: 'hasFigures' }
  })
}

type Filters = typeof FACT_FILTERS
export type FilterName = keyof Filters

const pick = <K extends 'parameter' | 'echo'>(key: K) =>
  Object.fromEntries(Object.entries(FACT_FILTERS).map(([name, d]) => [name, d[key]])) as { [N in FilterName]: Filters[N][K] }

export const factFilterShape = pick('parameter')
export const filterEchoShape = pick('echo')

/** Parameters that may be repeated (`?year=2012&year=2013`): the query-string parser keeps them arrays. */
export const REPEATABLE_PARAMETERS = Object.entries(FACT_FILTERS).filter(([, d]) => d.repeatable).map(([name]) => name)

export const FILTER_NAMES = Object.keys(FACT_FILTERS) as FilterName[]

export type FactFilters = { [N in FilterName]?: z.output<Filters[N]['parameter']> }

/** Filters in one canonical form, and the string that identifies them (memo keys, cursors). */
export interface FactQuery {
  filters: FactFilters
  key: string
}

/**
 * Sorts and deduplicates list values and drops absent filters, so the same question asked with
 * values in another order or repeated is the same query: same answers, same cursors.
 */
export function normalizeFilters(filters: FactFilters): FactQuery {
  const normalized: Record<string, unknown> = {}
  for (const name of FILTER_NAMES) {
    const value = filters[name]
    if (value === undefined) continue
    if (!Array.isArray(value)) normalized[name] = value
    else if (value.length > 0) normalized[name] = [...new Set<string | number>(value)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }
  return { filters: normalized as FactFilters, key: JSON.stringify(normalized) }
}

import { z } from 'zod'
import { NO_YEAR, type Dimension } from '../facts-index/dimensions.js'
import type { ValueCount } from '../facts-index/facet-counts.js'
import { countryName, FACT_FILTERS, type FilterName } from './fact-filters.js'

/** The vocabularies whose terms have a label to show beside their slug or id. */
export type LabelledVocabulary = 'categories' | 'forms' | 'actors' | 'units' | 'flags'
export type VocabularyLabels = Record<LabelledVocabulary, Map<string, string>>

const yearBucket = z.object({ value: z.int().nullable(), count: z.int() })
const labelledBucket = z.object({ value: z.string(), label: z.string(), count: z.int() })

interface FacetDefinition<Bucket extends z.ZodType> {
  /** One value of the facet as the API lists it. */
  bucket: Bucket
  description?: string
  /** Years sort by number, "no year" last; other values by their text. */
  numeric: boolean
  toBucket: (count: ValueCount, labels: VocabularyLabels) => z.output<Bucket>
}

const yearFacet = (description: string): FacetDefinition<typeof yearBucket> => ({
  bucket: yearBucket,
  description,
  numeric: true,
  toBucket: ({ value, count }) => ({ value: value === NO_YEAR ? null : Number(value), count })
})

const labelledFacet = (label: LabelledVocabulary | 'countries', description?: string): FacetDefinition<typeof labelledBucket> => ({
  bucket: labelledBucket,
  ...(description === undefined ? {} : { description }),
  numeric: false,
  toBucket: ({ value, count }, labels) => ({ value, label: (label === 'countries' ? countryName(value) : labels[label].get(value)) ?? value, count })
})

/**
 * Every facet of /v1/facts/facets, defined once. Each is named after the filter whose values it
 * counts (so a value can be turned into that filter, as the explorer's links do) and counts that
 * filter's index dimension; the response schema, the repository's counting and the lists' order
 * and labels all come from here.
 */
export const FACT_FACETS = {
  year: yearFacet('`value` null counts facts with no stated year.'),
  publishedYear: yearFacet('Years the claims were published (`publishedYear`); `value` null counts facts whose origins give no year.'),
  category: labelledFacet('categories'),
  form: labelledFacet('forms'),
  actor: labelledFacet('actors'),
  country: labelledFacet('countries'),
  relatedCountry: labelledFacet('countries', 'Other countries the facts name (`relatedCountries`), by fact count.'),
  unit: labelledFacet('units', "Units of the facts' figures (`figures[].unit`, age bounds included), by fact count."),
  flag: labelledFacet('flags', 'Curation flags of the facts, `conflicts-with` for any conflict, by fact count.')
} satisfies Partial<Record<FilterName, FacetDefinition<z.ZodType>>>

type Facets = typeof FACT_FACETS
export type FacetName = keyof Facets

export const FACET_NAMES = Object.keys(FACT_FACETS) as [FacetName, ...FacetName[]]

/** The index dimension a facet counts: the one its filter selects. */
export function facetDimension(name: FacetName): Dimension {
  const selects = FACT_FILTERS[name].selects
  if (!('dimension' in selects) || selects.exclude) throw new Error(`facet "${name}" needs a filter that selects an index dimension`)
  return selects.dimension
}

const facetListShape = Object.fromEntries(
  FACET_NAMES.map((name) => {
    const { bucket, description } = FACT_FACETS[name] as FacetDefinition<z.ZodType>
    const list = z.array(bucket)
    return [name, description === undefined ? list : list.describe(description)]
  })
) as { [N in FacetName]: z.ZodArray<Facets[N]['bucket']> }

export const factFacetsSchema = z
  .object({
    ...facetListShape,
    truncated: z.array(z.enum(FACET_NAMES)).describe('Facets that have more values than `facetLimit`: their lists hold the most frequent ones only.')
  })
  .meta({ id: 'FactFacets', description: 'Counts for the same filters, each list by count descending, then value.' })

export type FactFacets = z.infer<typeof factFacetsSchema>
export type FacetCounts = Record<FacetName, ValueCount[]>

// Count descending, then value ascending; a year sorts by number, "no year" after every year.
function byCountThenValue(numeric: boolean) {
  const key = (v: string) => (numeric ? (v === NO_YEAR ? Infinity : Number(v)) : v)
  return (a: ValueCount, b: ValueCount) => b.count - a.count || (key(a.value) < key(b.value) ? -1 : key(a.value) > key(b.value) ? 1 : 0)
}

/** The repository's counts as the API lists them: ordered, labelled, at most `limit` per facet. */
export function toFacetLists(counts: FacetCounts, labels: VocabularyLabels, limit: number): FactFacets {
  const lists: Record<string, unknown> = {}
  for (const name of FACET_NAMES) {
    const facet = FACT_FACETS[name] as FacetDefinition<z.ZodType>
    // a copy: the repository's counts are memoized and must stay as they are
    lists[name] = [...counts[name]].sort(byCountThenValue(facet.numeric)).slice(0, limit).map((c) => facet.toBucket(c, labels))
  }
  return { ...(lists as Omit<FactFacets, 'truncated'>), truncated: FACET_NAMES.filter((name) => counts[name].length > limit) }
}

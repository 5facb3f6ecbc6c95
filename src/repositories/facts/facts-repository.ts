import type { Database } from 'better-sqlite3'
import { countValues, type ValueCount } from '../../facts-index/facet-counts.js'
import { loadFactIndex } from '../../facts-index/fact-index.js'
import { walkOrder, type FactOrder } from '../../facts-index/fact-orders.js'
import { matchFacts, type DimensionTerm, type IndexQuery, type MatchSet } from '../../facts-index/match-facts.js'
import { FACT_FILTERS, FILTER_NAMES, type FactQuery } from '../../schemas/fact-filters.js'
import type { Fact } from '../../schemas/fact.js'
import { createBoundedCache, memoized } from './bounded-cache.js'
import { createFactSearch, type SearchResult } from './fact-search.js'

export interface FactPageRequest {
  query: FactQuery
  sort: FactOrder
  limit: number
  /** The place (from a cursor) the page starts after. */
  after?: number | undefined
}

export interface FactPage {
  /** Each fact's JSON as stored at build time: joined into the response, never re-serialized. */
  facts: string[]
  /** Place of the last fact when more follow, else null. */
  next: number | null
}

export const FACET_DIMENSIONS = ['year', 'category', 'form', 'actor', 'country'] as const
export type FacetCounts = Record<(typeof FACET_DIMENSIONS)[number], ValueCount[]>

// Bounds on what the repository remembers between requests, in bytes, whatever the query mix.
const MATCH_CACHE_BYTES = 48 * 1024 * 1024
const SEARCH_CACHE_BYTES = 32 * 1024 * 1024
const FACET_CACHE_BYTES = 16 * 1024 * 1024
const FACT_JSON_CACHE_BYTES = 32 * 1024 * 1024

/**
 * Facts by filter, sort and cursor, answered from the in-memory index (filtering, counting,
 * faceting) and SQLite (each fact's stored JSON by position, full-text search). The SQL is a
 * fixed handful of statements prepared once, whatever the queries.
 */
export function createFactsRepository(db: Database) {
  const index = loadFactIndex(db)
  const jsonAt = db.prepare('SELECT json FROM facts WHERE rowid = ?').pluck()
  const jsonOf = db.prepare('SELECT json FROM facts WHERE id = ?').pluck()
  const search = createFactSearch(db, index)
  const searches = createBoundedCache<SearchResult>(SEARCH_CACHE_BYTES, (r) => r.positions.byteLength + r.ranked.byteLength)
  const matches = createBoundedCache<MatchSet>(MATCH_CACHE_BYTES, (m) => m.bits.byteLength)
  const facetCounts = createBoundedCache<FacetCounts>(FACET_CACHE_BYTES, (f) => JSON.stringify(f).length * 2)

  // the facts most asked for, as stored: a page then costs no SQLite call at all
  const factJson = createBoundedCache<string>(FACT_JSON_CACHE_BYTES, (json) => json.length * 2)
  const jsonAtPosition = (position: number) => memoized(factJson, String(position), () => jsonAt.get(position) as string)
  const searchFor = (q: string) => memoized(searches, q, () => search(q))

  function match({ filters, key }: FactQuery): MatchSet {
    return memoized(matches, key, () => {
      const query: IndexQuery & { terms: DimensionTerm[] } = { terms: [] }
      for (const name of FILTER_NAMES) {
        const value = filters[name]
        if (value === undefined) continue
        const selects = FACT_FILTERS[name].selects
        if ('dimension' in selects) {
          query.terms.push({ dimension: selects.dimension, values: (Array.isArray(value) ? value : [value]).map(String) })
        } else if ('yearBound' in selects) {
          query[selects.yearBound === 'from' ? 'yearFrom' : 'yearTo'] = value as number
        } else {
          query.search = searchFor(value as string).positions
        }
      }
      return matchFacts(index, query)
    })
  }

  // an export reads every fact once: it goes around the cache rather than flushing it
  function page({ query, sort, limit, after }: FactPageRequest, jsonOf = jsonAtPosition): FactPage {
    const ranked = sort === 'relevance' && query.filters.q !== undefined ? searchFor(query.filters.q).ranked : undefined
    const found = walkOrder({ index, bits: match(query).bits, ranked }, sort, after, limit + 1)
    const hasMore = found.length > limit
    const shown = hasMore ? found.slice(0, limit) : found
    return {
      facts: shown.map((f) => jsonOf(f.position)),
      next: hasMore ? shown.at(-1)!.place : null
    }
  }

  function* iterateJson(query: FactQuery, sort: FactOrder, batchSize = 500): Generator<string> {
    let after: number | undefined
    do {
      const batch = page({ query, sort, limit: batchSize, after }, (position) => jsonAt.get(position) as string)
      yield* batch.facts
      after = batch.next ?? undefined
    } while (after !== undefined)
  }

  return {
    page: (request: FactPageRequest) => page(request),
    iterateJson,
    count: (query: FactQuery): number => match(query).count,

    /** Matching facts per value of each facet dimension; `year` "none" counts facts without one. */
    facets(query: FactQuery): FacetCounts {
      return memoized(facetCounts, query.key, () => {
        const set = match(query)
        return Object.fromEntries(FACET_DIMENSIONS.map((d) => [d, countValues(index, set, d)])) as FacetCounts
      })
    },

    /** Every matching fact in order, fetched in batches so memory stays flat. */
    *iterate(query: FactQuery, sort: FactOrder, batchSize?: number): Generator<Fact> {
      for (const json of iterateJson(query, sort, batchSize)) yield JSON.parse(json) as Fact
    },

    findJson(id: string): string | undefined {
      return jsonOf.get(id) as string | undefined
    },

    findById(id: string): Fact | undefined {
      const json = jsonOf.get(id) as string | undefined
      return json === undefined ? undefined : (JSON.parse(json) as Fact)
    }
  }
}

export type FactsRepository = ReturnType<typeof createFactsRepository>

import type { Database } from 'better-sqlite3'
import { countFacets, type ValueCount } from '../../facts-index/facet-counts.js'
import { loadFactIndex } from '../../facts-index/fact-index.js'
import { walkOrder } from '../../facts-index/fact-orders.js'
import { matchFacts, type DimensionTerm, type IndexQuery, type MatchSet } from '../../facts-index/match-facts.js'
import { floatsFromBlob, fromBlob } from '../../facts-index/positions-blob.js'
import { postingBytes, toPosting, type Posting } from '../../facts-index/posting.js'
import { scoreWords, topByRelevance, type WordPosting } from '../../facts-index/relevance.js'
import { WORD_SCORES_SQL } from '../../facts-index/word-scores.js'
import { words } from '../../facts-index/words.js'
import { FACET_NAMES, facetDimension, type FacetCounts } from '../../schemas/fact-facets.js'
import { FACT_FILTERS, FILTER_NAMES, type FactQuery } from '../../schemas/fact-filters.js'
import type { FactSort } from '../../schemas/fact-query.js'
import type { Fact } from '../../schemas/fact.js'
import type { FieldSelection } from '../../schemas/fact-fields.js'
import { pickMembers } from '../../database/fact-json.js'
import { createBoundedCache, memoized } from './bounded-cache.js'

/**
 * Where a page ends in its order, as a cursor carries it: the fact's position (year orders) or
 * rank by id (id order, and the tie-break of relevance order, which adds the fact's score).
 */
export interface PagePlace {
  place: number
  score?: number | undefined
}

export interface FactPageRequest {
  query: FactQuery
  sort: FactSort
  limit: number
  after?: PagePlace | undefined
  /** Only these fields of each fact; whole facts when undefined. */
  fields?: FieldSelection | undefined
}

/** A fact's row: its JSON and where each top-level member sits in it (see fact-json.ts). */
type StoredFact = [json: string, members: Buffer]

const partial = ([json, members]: StoredFact, fields: FieldSelection) => pickMembers(json, members, fields.members)

export interface FactPage {
  /** Each fact's JSON as stored at build time: joined into the response, never re-serialized. */
  facts: string[]
  /** Where the page ends when more facts follow, else null. */
  next: PagePlace | null
}

// Bounds on what the repository remembers between requests, in bytes, whatever the query mix.
const MATCH_CACHE_BYTES = 32 * 1024 * 1024
const SCORE_CACHE_BYTES = 32 * 1024 * 1024
const WORD_CACHE_BYTES = 64 * 1024 * 1024
const FACET_CACHE_BYTES = 8 * 1024 * 1024
const FACT_JSON_CACHE_BYTES = 32 * 1024 * 1024

/**
 * Facts by filter, sort and cursor, answered from the in-memory index (filtering, counting,
 * faceting, full-text search) and SQLite (each fact's stored JSON, by position). The SQL is a
 * fixed handful of statements prepared once, whatever the queries.
 */
export function createFactsRepository(db: Database) {
  const index = loadFactIndex(db)
  const storedAt = db.prepare('SELECT json, members FROM facts WHERE rowid = ?').raw()
  const storedOf = db.prepare('SELECT json, members FROM facts WHERE id = ?').raw()
  const jsonOf = db.prepare('SELECT json FROM facts WHERE id = ?').pluck()
  const positionOf = db.prepare('SELECT rowid FROM facts WHERE id = ?').pluck()
  // ids no fact has are left out: naming an unknown fact matches nothing, like an unknown word
  const positionsOf = (ids: readonly string[]): Posting =>
    toPosting(Uint32Array.from(ids.flatMap((id) => (positionOf.get(id) as number | undefined) ?? [])).sort())
  const scores = createBoundedCache<Float32Array>(SCORE_CACHE_BYTES, (s) => s.byteLength)
  const matches = createBoundedCache<MatchSet>(MATCH_CACHE_BYTES, (m) => postingBytes(m.bits))
  const facetCounts = createBoundedCache<FacetCounts>(FACET_CACHE_BYTES, facetCountsBytes)

  // the facts most asked for, as stored: a page then costs no SQLite call at all
  const factJson = createBoundedCache<StoredFact>(FACT_JSON_CACHE_BYTES, ([json, members]) => json.length * 2 + members.length)
  // a page's facts not in the cache are read in one statement: half the cost of one read each
  const storedIn = db.prepare('SELECT rowid, json, members FROM facts WHERE rowid IN (SELECT value FROM json_each(?))').raw()
  const storedAtPositions = (positions: number[]): StoredFact[] => {
    const found = positions.map((p) => factJson.get(String(p)))
    const missing = positions.filter((_, i) => found[i] === undefined)
    if (missing.length === 0) return found as StoredFact[]
    const rows = storedIn.all(JSON.stringify(missing)) as [number, string, Buffer][]
    const read = new Map(rows.map(([position, json, members]) => [position, [json, members] as StoredFact]))
    return positions.map((p, i) => found[i] ?? factJson.set(String(p), read.get(p)!))
  }
  const storedWord = db.prepare('SELECT positions, impacts FROM word_postings WHERE word = ?').raw()
  const searchedWord = db.prepare(WORD_SCORES_SQL).raw()
  // common words were read out of the full-text index at build time; rare ones are read here
  const readWord = (word: string): WordPosting | null => {
    const stored = storedWord.get(word) as [Buffer, Buffer] | undefined
    if (stored) {
      const positions = fromBlob(stored[0])
      return { posting: toPosting(positions), positions, impacts: floatsFromBlob(stored[1]) }
    }
    const rows = searchedWord.all(`"${word}"`) as [number, number][]
    if (rows.length === 0) return null
    const positions = Uint32Array.from(rows, (r) => r[0])
    return { posting: toPosting(positions), positions, impacts: Float32Array.from(rows, (r) => r[1]) }
  }
  // null marks a word no fact contains: remembered too, so unknown words cost one lookup
  const wordCache = createBoundedCache<WordPosting | null>(WORD_CACHE_BYTES, (w) => (w ? w.positions.byteLength * 2 : 0))
  const wordPosting = (word: string) => memoized(wordCache, word, () => readWord(word)) ?? undefined
  const wordsOf = (q: string) => [...new Set(words(q))].map(wordPosting)
  const scoresFor = (q: string) => memoized(scores, q, () => scoreWords(index.size, wordsOf(q)))

  function match({ filters, key }: FactQuery): MatchSet {
    return memoized(matches, key, () => {
      const query: IndexQuery & { terms: DimensionTerm[] } = { terms: [] }
      for (const name of FILTER_NAMES) {
        const value = filters[name]
        if (value === undefined) continue
        const selects = FACT_FILTERS[name].selects
        if ('dimension' in selects) {
          query.terms.push({ dimension: selects.dimension, values: (Array.isArray(value) ? value : [value]).map(String), exclude: selects.exclude })
        } else if ('yearBound' in selects) {
          query[selects.yearBound === 'from' ? 'yearFrom' : 'yearTo'] = value as number
        } else if ('ids' in selects) {
          query.among = positionsOf(value as string[])
        } else {
          query.words = wordsOf(value as string).map((w) => w?.posting)
        }
      }
      return matchFacts(index, query)
    })
  }

  // an export reads every fact once: it goes around the cache rather than flushing it
  function page({ query, sort, limit, after }: FactPageRequest, jsonsOf: (positions: number[]) => string[]): FactPage {
    const { bits } = match(query)
    const found: (PagePlace & { position: number })[] =
      sort === 'relevance'
        ? topByRelevance(index, bits, scoresFor(query.filters.q ?? ''), after && { place: after.place, score: after.score ?? Infinity }, limit + 1)
        : walkOrder(index, bits, sort, after?.place, limit + 1)
    const hasMore = found.length > limit
    const shown = hasMore ? found.slice(0, limit) : found
    const last = shown.at(-1)
    return {
      facts: jsonsOf(shown.map((f) => f.position)),
      next: hasMore && last ? (sort === 'relevance' ? { place: last.place, score: last.score } : { place: last.place }) : null
    }
  }

  /** Every matching fact's JSON in order, whole or with the selected fields only. */
  function* iterateJson(query: FactQuery, sort: FactSort, fields?: FieldSelection, batchSize = 500): Generator<string> {
    let after: PagePlace | undefined
    const read = (position: number) => storedAt.get(position) as StoredFact
    do {
      const batch = page({ query, sort, limit: batchSize, after }, (positions) => positions.map(fields ? (p) => partial(read(p), fields) : (p) => read(p)[0]))
      yield* batch.facts
      after = batch.next ?? undefined
    } while (after !== undefined)
  }

  return {
    page: (request: FactPageRequest) =>
      page(request, (positions) => storedAtPositions(positions).map(request.fields ? (stored) => partial(stored, request.fields!) : ([json]) => json)),
    iterateJson,
    count: (query: FactQuery): number => match(query).count,

    /** Matching facts per value of each facet's dimension; `year` "none" counts facts without one. */
    facets(query: FactQuery): FacetCounts {
      return memoized(facetCounts, query.key, () => {
        const set = match(query)
        const counts = countFacets(index, set, FACET_NAMES.map(facetDimension))
        return Object.fromEntries(FACET_NAMES.map((name, i) => [name, counts[i]])) as FacetCounts
      })
    },

    /** Every matching fact in order, fetched in batches so memory stays flat. */
    *iterate(query: FactQuery, sort: FactSort, batchSize?: number): Generator<Fact> {
      for (const json of iterateJson(query, sort, undefined, batchSize)) yield JSON.parse(json) as Fact
    },

    /** The fact's JSON as stored, or with the selected fields only. */
    findJson(id: string, fields?: FieldSelection): string | undefined {
      if (!fields) return jsonOf.get(id) as string | undefined
      const stored = storedOf.get(id) as StoredFact | undefined
      return stored && partial(stored, fields)
    },

    findById(id: string): Fact | undefined {
      const json = jsonOf.get(id) as string | undefined
      return json === undefined ? undefined : (JSON.parse(json) as Fact)
    }
  }
}

export type FactsRepository = ReturnType<typeof createFactsRepository>

// what a facets answer holds, counted rather than serialized (JSON.stringify of every new
// answer was 2.8 % of a never-seen facets request): a value's text and a small object each
function facetCountsBytes(counts: FacetCounts): number {
  let bytes = 0
  for (const list of Object.values(counts) as ValueCount[][]) for (const c of list) bytes += c.value.length * 2 + 48
  return bytes
}

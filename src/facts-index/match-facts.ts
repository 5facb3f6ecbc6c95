import { andInto, andNotInto, count, emptyBits, setRange, type Bits } from './bitset.js'
import type { Dimension } from './dimensions.js'
import type { FactIndex } from './fact-index.js'
import { addTo, type Posting } from './posting.js'

/** A filter over the index: facts carrying any of `values` in `dimension`, or with `exclude` none of them. */
export interface DimensionTerm {
  dimension: Dimension
  values: readonly string[]
  exclude?: boolean | undefined
}

export interface IndexQuery {
  terms: DimensionTerm[]
  yearFrom?: number | undefined
  yearTo?: number | undefined
  /** Postings of words that must all occur (the full-text query); undefined for an unknown word. */
  words?: readonly (Posting | undefined)[] | undefined
  /** Facts named one by one (the `id` filter): a match must be one of them. */
  among?: Posting | undefined
}

export interface MatchSet {
  bits: Bits
  count: number
}

/**
 * The facts matching every term: each term is a union of posting lists, the terms intersect
 * (an excluding term is subtracted), and a year range is a window of consecutive positions.
 * Cost grows with the number of words (size / 32) and of rare-value members, never with SQL.
 */
export function matchFacts(index: FactIndex, query: IndexQuery): MatchSet {
  const [start, end] = yearWindow(index, query.yearFrom, query.yearTo)
  const bits = emptyBits(index.size)
  setRange(bits, start, end)
  let scratch: Bits | undefined
  const combine = (fill: (target: Bits) => void, exclude = false) => {
    scratch = scratch ? (scratch.fill(0), scratch) : emptyBits(index.size)
    fill(scratch)
    if (exclude) andNotInto(bits, scratch)
    else andInto(bits, scratch)
  }
  for (const term of query.terms) {
    const byValue = index.postings[term.dimension]
    combine((target) => {
      for (const value of term.values) {
        const posting = byValue.get(value)
        if (posting) addTo(target, posting)
      }
    }, term.exclude)
  }
  for (const posting of query.words ?? []) combine((target) => posting && addTo(target, posting))
  const among = query.among
  if (among) combine((target) => addTo(target, among))
  const total = query.terms.length === 0 && !query.words?.length && !among ? end - start : count(bits)
  return { bits, count: total }
}

// Facts are numbered year by year, descending: any year range is one window of positions.
function yearWindow(index: FactIndex, from: number | undefined, to: number | undefined): [number, number] {
  if (from === undefined && to === undefined) return [0, index.size]
  let start = index.size
  let end = 0
  for (const run of index.yearRuns) {
    if (run.year === null || (from !== undefined && run.year < from) || (to !== undefined && run.year > to)) continue
    start = Math.min(start, run.start)
    end = Math.max(end, run.end)
  }
  return start < end ? [start, end] : [0, 0]
}

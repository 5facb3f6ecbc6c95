import type { Dimension } from './dimensions.js'
import type { FactIndex } from './fact-index.js'
import { and, emptyPosting, rangePosting, union, type Posting } from './posting.js'

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
  /** The matching positions; never modified once made (it may be a shared posting list). */
  bits: Posting
  count: number
}

/**
 * The facts matching every term: each term is a union of posting lists, the terms intersect,
 * smallest first (an excluding term is subtracted last), and a year range is a window of
 * consecutive positions. Cost grows with the containers the smallest terms touch, never with SQL.
 */
export function matchFacts(index: FactIndex, query: IndexQuery): MatchSet {
  const [start, end] = yearWindow(index, query.yearFrom, query.yearTo)
  const whole = start === 0 && end === index.size
  const including: Posting[] = []
  const excluding: Posting[] = []
  for (const term of query.terms) {
    const byValue = index.postings[term.dimension]
    const postings = term.values.flatMap((value) => byValue.get(value) ?? [])
    const posting = postings.length === 1 ? postings[0]! : union(postings)
    ;(term.exclude ? excluding : including).push(posting)
  }
  for (const word of query.words ?? []) including.push(word ?? emptyPosting())
  if (query.among) including.push(query.among)
  if (!whole) including.push(rangePosting(start, end))
  if (including.length === 0) including.push(rangePosting(0, index.size))
  including.sort((a, b) => a.size - b.size)
  // one term: its posting list is the answer, shared rather than copied
  if (including.length === 1 && excluding.length === 0) return { bits: including[0]!, count: including[0]!.size }
  const bits = including.length === 1 ? including[0]!.clone() : and(including[0]!, including[1]!)
  for (let i = 2; i < including.length && !bits.isEmpty; i++) bits.andInPlace(including[i]!)
  for (const posting of excluding) if (!bits.isEmpty) bits.andNotInPlace(posting)
  return { bits, count: bits.size }
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

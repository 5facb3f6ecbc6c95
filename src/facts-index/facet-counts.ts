import { NO_YEAR, type Dimension } from './dimensions.js'
import type { FactIndex, ForwardIndex } from './fact-index.js'
import type { MatchSet } from './match-facts.js'
import { complement } from './posting.js'

export interface ValueCount {
  value: string
  count: number
}

// Relative cost of visiting one fact's values through the forward index (a loop step in
// JavaScript), against the units of ForwardIndex.postingCost (see postingCost in fact-index.ts,
// work done in C). Calibrated at one million facts on never-seen filter sets, with postingsCost
// below: 3, 6, 12 and 20 gave 1,292, 1,069, 1,239 and 1,105 µs per facets request.
const FORWARD_COST_PER_VALUE = 6

// A match set of fewer than 4,096 facts per block of 65,536 is kept as sorted lists, and
// intersecting a list with a value's posting list costs about half a unit per member of both,
// for every value: with many values (actors) that dwarfs the posting lists' own cost.
function postingsCost(index: FactIndex, forward: ForwardIndex, matches: number): number {
  const listed = matches * 16 < index.size
  return forward.postingCost + (listed ? (forward.names.length * matches) / 2 : 0)
}

/**
 * How many matching facts carry each value of a dimension, values with none left out. With no
 * filter the counts are the posting lists' sizes; a year is counted over its run of positions.
 * Otherwise the cheaper of two ways, by the match set's size: intersect the match set with each
 * value's posting list (counting in C, container by container), or visit the matching facts (or,
 * when most facts match, the others) and tally their values through the forward index.
 */
export function countValues(index: FactIndex, match: MatchSet, dimension: Dimension, visit = () => visitFewer(index, match)): ValueCount[] {
  const counts: ValueCount[] = []
  const everything = match.count === index.size
  if (dimension === 'year' && !everything) {
    for (const run of index.yearRuns) {
      const count = match.bits.rangeCardinality(run.start, run.end)
      if (count > 0) counts.push({ value: run.year === null ? NO_YEAR : String(run.year), count })
    }
    return counts
  }
  const forward = everything ? undefined : index.forward(dimension)
  if (forward) {
    const visited = Math.min(match.count, index.size - match.count)
    if (visited * (1 + forward.values.length / index.size) * FORWARD_COST_PER_VALUE < postingsCost(index, forward, match.count)) {
      return countForward(forward, visit())
    }
  }
  for (const [value, posting] of index.postings[dimension]) {
    const count = everything ? posting.size : match.bits.andCardinality(posting)
    if (count > 0) counts.push({ value, count })
  }
  return counts
}

/** Counts of several dimensions over one match set: the facts to visit are listed once for all. */
export function countFacets(index: FactIndex, match: MatchSet, dimensions: readonly Dimension[]): ValueCount[][] {
  let visited: Visited | undefined
  const visit = () => (visited ??= visitFewer(index, match))
  return dimensions.map((dimension) => countValues(index, match, dimension, visit))
}

interface Visited {
  positions: Uint32Array
  /** The positions are the facts that do not match. */
  others: boolean
}

// The fewer of the matching and the other facts, listed into the index's scratch buffer: a
// value's count among the matches is its posting list's size less its count among the others.
function visitFewer(index: FactIndex, match: MatchSet): Visited {
  const others = match.count > index.size / 2
  const visit = others ? complement(match.bits, index.size) : match.bits
  return { positions: visit.toUint32Array(index.scratch()), others }
}

function countForward({ names, sizes, offsets, values }: ForwardIndex, { positions, others }: Visited): ValueCount[] {
  const tally = new Uint32Array(names.length)
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!
    for (let k = offsets[p]!; k < offsets[p + 1]!; k++) tally[values[k]!]!++
  }
  const counts: ValueCount[] = []
  for (let value = 0; value < names.length; value++) {
    const count = others ? sizes[value]! - tally[value]! : tally[value]!
    if (count > 0) counts.push({ value: names[value]!, count })
  }
  return counts
}

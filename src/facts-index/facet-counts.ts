import { NO_YEAR, type Dimension } from './dimensions.js'
import type { FactIndex, ForwardIndex } from './fact-index.js'
import type { MatchSet } from './match-facts.js'
import { complement } from './posting.js'

export interface ValueCount {
  value: string
  count: number
}

// Relative cost of visiting one fact's values through the forward index, against the units of
// ForwardIndex.postingCost (see postingCost in fact-index.ts); measured at one million facts.
const FORWARD_COST_PER_VALUE = 3

/**
 * How many matching facts carry each value of a dimension, values with none left out. With no
 * filter the counts are the posting lists' sizes; a year is counted over its run of positions.
 * Otherwise the cheaper of two ways, by the match set's size: intersect the match set with each
 * value's posting list (counting in C, container by container), or visit the matching facts (or,
 * when most facts match, the others) and tally their values through the forward index.
 */
export function countValues(index: FactIndex, match: MatchSet, dimension: Dimension): ValueCount[] {
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
    if (visited * (1 + forward.values.length / index.size) * FORWARD_COST_PER_VALUE < forward.postingCost) {
      return countForward(index, forward, match)
    }
  }
  for (const [value, posting] of index.postings[dimension]) {
    const count = everything ? posting.size : match.bits.andCardinality(posting)
    if (count > 0) counts.push({ value, count })
  }
  return counts
}

// Visits the fewer of the matching and the other facts: a value's count among the matches is its
// posting list's size less its count among the others.
function countForward(index: FactIndex, { names, sizes, offsets, values }: ForwardIndex, match: MatchSet): ValueCount[] {
  const fewer = match.count <= index.size / 2
  const visit = fewer ? match.bits : complement(match.bits, index.size)
  const positions = visit.toUint32Array(index.scratch())
  const tally = new Uint32Array(names.length)
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!
    for (let k = offsets[p]!; k < offsets[p + 1]!; k++) tally[values[k]!]!++
  }
  const counts: ValueCount[] = []
  for (let value = 0; value < names.length; value++) {
    const count = fewer ? tally[value]! : sizes[value]! - tally[value]!
    if (count > 0) counts.push({ value: names[value]!, count })
  }
  return counts
}

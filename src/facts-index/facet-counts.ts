import { countRange, nextMember } from './bitset.js'
import { NO_YEAR, type Dimension } from './dimensions.js'
import type { FactIndex, ForwardIndex } from './fact-index.js'
import type { MatchSet } from './match-facts.js'
import { countIn } from './posting.js'

export interface ValueCount {
  value: string
  count: number
}

/**
 * How many matching facts carry each value of a dimension, values with none left out. With no
 * filter the counts are the posting lists' sizes; a year is counted over its run of positions.
 */
export function countValues(index: FactIndex, match: MatchSet, dimension: Dimension): ValueCount[] {
  const counts: ValueCount[] = []
  const everything = match.count === index.size
  if (dimension === 'year' && !everything) {
    for (const run of index.yearRuns) {
      const count = countRange(match.bits, run.start, run.end)
      if (count > 0) counts.push({ value: run.year === null ? NO_YEAR : String(run.year), count })
    }
    return counts
  }
  const forward = index.forward(dimension)
  if (forward && !everything && match.count * (forward.values.length / index.size) < forward.postingCost) {
    return countForward(forward, match, index.size)
  }
  for (const [value, posting] of index.postings[dimension]) {
    const count = everything ? posting.cardinality : countIn(match.bits, posting)
    if (count > 0) counts.push({ value, count })
  }
  return counts
}

// Few matches: visit each and count its values, rather than every value's posting list.
function countForward({ names, offsets, values }: ForwardIndex, match: MatchSet, size: number): ValueCount[] {
  const tally = new Uint32Array(names.length)
  for (let p = nextMember(match.bits, 0, size); p !== -1; p = nextMember(match.bits, p + 1, size)) {
    for (let k = offsets[p]!; k < offsets[p + 1]!; k++) tally[values[k]!]!++
  }
  const counts: ValueCount[] = []
  tally.forEach((count, value) => count > 0 && counts.push({ value: names[value]!, count }))
  return counts
}

import { countRange } from './bitset.js'
import { NO_YEAR, type Dimension } from './dimensions.js'
import type { FactIndex } from './fact-index.js'
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
  for (const [value, posting] of index.postings[dimension]) {
    const count = everything ? posting.cardinality : countIn(match.bits, posting)
    if (count > 0) counts.push({ value, count })
  }
  return counts
}

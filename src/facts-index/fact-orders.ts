import type { FactIndex } from './fact-index.js'
import type { Posting } from './posting.js'

export type FactOrder = '-year' | 'year' | 'id'

/**
 * A fact's place in an order: what a cursor carries. In the year orders it is the fact's
 * position; in the id order its rank by id. The dataset is immutable, so a place means the same
 * on every request. (Relevance order is walked by relevance.ts.)
 */
export interface Placed {
  place: number
  position: number
}

/** Up to `limit` matching facts in `order`, starting after the place `after`. */
export function walkOrder(index: FactIndex, bits: Posting, order: FactOrder, after: number | undefined, limit: number): Placed[] {
  const from = after === undefined ? 0 : after + 1
  switch (order) {
    case '-year':
      return walkPositions(bits, [[from, index.size]], limit)
    case 'year':
      return walkPositions(bits, ascendingYearRanges(index, after), limit)
    case 'id':
      return walkIds(index, bits, from, limit)
  }
}

// Positions are the default order: a page is the members from a rank on, read in one call.
function walkPositions(bits: Posting, ranges: [number, number][], limit: number): Placed[] {
  const found: Placed[] = []
  for (const [start, end] of ranges) {
    const wanted = Math.min(limit - found.length, bits.rangeCardinality(start, end))
    if (wanted <= 0) continue
    const positions = bits.rangeUint32Array(start === 0 ? 0 : bits.rank(start - 1), wanted)
    for (let i = 0; i < positions.length; i++) found.push({ place: positions[i]!, position: positions[i]! })
    if (found.length === limit) break
  }
  return found
}

// Positions run years descending; ascending years walk the year runs backwards, each run's
// facts still in id order, and the facts without a year last, as in the descending order.
function ascendingYearRanges(index: FactIndex, after: number | undefined): [number, number][] {
  const dated = index.yearRuns.filter((r) => r.year !== null).reverse()
  const runs = [...dated, ...index.yearRuns.filter((r) => r.year === null)]
  const current = after === undefined ? 0 : runs.findIndex((r) => after >= r.start && after < r.end)
  if (current === -1) return []
  return runs.slice(current).map((r, i): [number, number] => [i === 0 && after !== undefined ? after + 1 : r.start, r.end])
}

// Relative cost of one membership test while walking the id order, against listing one member
// of the match set and looking up its rank (measured: a call into the bitmap against a loop step).
const MEMBERSHIP_COST = 16

/**
 * The id order is a permutation of positions. When many facts match, walking it and testing
 * membership finds a page within about `limit * size / count` steps; when few match, listing
 * them and keeping the `limit` smallest ranks after `from` costs their number. The cheaper wins.
 */
function walkIds(index: FactIndex, bits: Posting, from: number, limit: number): Placed[] {
  const found: Placed[] = []
  const count = bits.size
  if (count === 0) return found
  if ((limit * index.size / count) * MEMBERSHIP_COST < count) {
    for (let place = from; place < index.byId.length && found.length < limit; place++) {
      const position = index.byId[place]!
      if (bits.has(position)) found.push({ place, position })
    }
    return found
  }
  const positions = bits.toUint32Array(index.scratch())
  for (let i = 0; i < positions.length; i++) {
    const place = index.idRank[positions[i]!]!
    if (place < from || (found.length === limit && place >= found[limit - 1]!.place)) continue
    // insertion into the kept few, which stay sorted by place
    let j = found.length === limit ? limit - 1 : found.length
    while (j > 0 && found[j - 1]!.place > place) {
      found[j] = found[j - 1]!
      j--
    }
    found[j] = { place, position: positions[i]! }
  }
  return found
}

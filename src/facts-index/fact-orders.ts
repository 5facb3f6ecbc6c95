import { has, nextMember, type Bits } from './bitset.js'
import type { FactIndex } from './fact-index.js'

export type FactOrder = '-year' | 'year' | 'id' | 'relevance'

/**
 * A fact's place in an order: what a cursor carries. In the year orders it is the fact's
 * position; in the id order its rank by id; in relevance order its rank among the matches of
 * the full-text query. The dataset is immutable, so a place means the same on every request.
 */
export interface Placed {
  place: number
  position: number
}

export interface OrderWalk {
  index: FactIndex
  bits: Bits
  /** Matches of the full-text query, best first; needed for the relevance order only. */
  ranked?: Uint32Array | undefined
}

/** Number of places in an order: a cursor's place must be below it. */
export function orderLength({ index, ranked }: OrderWalk, order: FactOrder): number {
  return order === 'relevance' ? (ranked?.length ?? 0) : index.size
}

/** Up to `limit` matching facts in `order`, starting after the place `after`. */
export function walkOrder(walk: OrderWalk, order: FactOrder, after: number | undefined, limit: number): Placed[] {
  const from = after === undefined ? 0 : after + 1
  switch (order) {
    case '-year':
      return walkPositions(walk.bits, [[from, walk.index.size]], limit)
    case 'year':
      return walkPositions(walk.bits, ascendingYearRanges(walk.index, after), limit)
    case 'id':
      return walkList(walk.bits, walk.index.byId, from, limit)
    case 'relevance':
      return walkList(walk.bits, walk.ranked ?? new Uint32Array(0), from, limit)
  }
}

function walkPositions(bits: Bits, ranges: [number, number][], limit: number): Placed[] {
  const found: Placed[] = []
  for (const [start, end] of ranges) {
    for (let p = nextMember(bits, start, end); p !== -1; p = nextMember(bits, p + 1, end)) {
      found.push({ place: p, position: p })
      if (found.length === limit) return found
    }
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

function walkList(bits: Bits, list: Uint32Array, from: number, limit: number): Placed[] {
  const found: Placed[] = []
  for (let place = from; place < list.length && found.length < limit; place++) {
    const position = list[place]!
    if (has(bits, position)) found.push({ place, position })
  }
  return found
}

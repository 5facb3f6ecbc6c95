import { has, nextMember, type Bits } from './bitset.js'
import type { FactIndex } from './fact-index.js'

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
export function walkOrder(index: FactIndex, bits: Bits, order: FactOrder, after: number | undefined, limit: number): Placed[] {
  const from = after === undefined ? 0 : after + 1
  switch (order) {
    case '-year':
      return walkPositions(bits, [[from, index.size]], limit)
    case 'year':
      return walkPositions(bits, ascendingYearRanges(index, after), limit)
    case 'id':
      return walkList(bits, index.byId, from, limit)
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

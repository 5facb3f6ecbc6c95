import type { Database } from 'better-sqlite3'
import { DIMENSIONS, NO_YEAR, type Dimension } from './dimensions.js'
import { fromBlob } from './positions-blob.js'
import { toPosting, type Posting } from './posting.js'

/** The facts of one year: consecutive positions, since facts are numbered by year first. */
export interface YearRun {
  year: number | null
  start: number
  end: number
}

/**
 * Each fact's values of one dimension, by position (compressed sparse rows): facts
 * `offsets[p]` to `offsets[p + 1]` of `values` are indexes into `names`. Counting a small match
 * set's values through it costs its members, not the dimension's posting lists.
 */
export interface ForwardIndex {
  names: string[]
  /** Each value's number of facts. */
  sizes: Uint32Array
  offsets: Uint32Array
  values: Uint32Array
  /** Cost of counting through the posting lists instead (see postingCost). */
  postingCost: number
}

export interface FactIndex {
  /** Number of facts; positions run from 0 to size - 1 in the default order. */
  size: number
  postings: Record<Dimension, Map<string, Posting>>
  /** Built on first use: a start does not pay for facets it may never serve. */
  forward: (dimension: Dimension) => ForwardIndex | undefined
  /** In position order: years descending, then the facts without a year. */
  yearRuns: YearRun[]
  /** Positions in id order, and each position's place in it. */
  byId: Uint32Array
  idRank: Uint32Array
  /** A buffer of `size` positions for one synchronous use at a time: listing a match set allocates nothing. */
  scratch: () => Uint32Array
}

/**
 * Loads the posting lists and orders the build wrote: one read at start, after which filtering,
 * counting and faceting never touch SQLite.
 */
export function loadFactIndex(db: Database): FactIndex {
  const size = db.prepare('SELECT count(*) FROM facts').pluck().get() as number
  const rows = db.prepare('SELECT dimension, value, positions FROM postings').raw().iterate() as Iterable<[Dimension, string, Buffer]>
  const order = db.prepare("SELECT positions FROM fact_orders WHERE name = 'id'").pluck().get() as Buffer | undefined
  const lists = (function* () {
    for (const [dimension, value, blob] of rows) yield [dimension, value, fromBlob(blob)] as const
  })()
  return createFactIndex(size, lists, order ? Uint32Array.from(fromBlob(order)) : new Uint32Array(0))
}

/**
 * The index over `size` facts from each dimension value's ascending positions and the
 * positions in id order. The facts of a year must be numbered consecutively.
 */
export function createFactIndex(size: number, lists: Iterable<readonly [Dimension, string, Uint32Array]>, byId: Uint32Array): FactIndex {
  const postings = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, Posting>()])) as FactIndex['postings']
  const yearRuns: YearRun[] = []
  const forwardLists = Object.fromEntries(FORWARD_DIMENSIONS.map((d) => [d, new Map<string, Uint32Array>()])) as Partial<Record<Dimension, Map<string, Uint32Array>>>
  for (const [dimension, value, positions] of lists) {
    postings[dimension]?.set(value, toPosting(positions))
    forwardLists[dimension]?.set(value, positions)
    if (dimension === 'year' && positions.length > 0) {
      const run = { year: value === NO_YEAR ? null : Number(value), start: positions[0]!, end: positions.at(-1)! + 1 }
      if (run.end - run.start !== positions.length) throw new Error(`the facts of year ${value} are not numbered consecutively`)
      yearRuns.push(run)
    }
  }
  yearRuns.sort((a, b) => a.start - b.start)
  const built: Partial<Record<Dimension, ForwardIndex>> = {}
  const forward = (dimension: Dimension) => {
    const positions = forwardLists[dimension]
    if (!positions) return undefined
    return (built[dimension] ??= forwardIndex(positions, postings[dimension], size))
  }
  const idRank = new Uint32Array(size)
  byId.forEach((position, rank) => (idRank[position] = rank))
  let scratch: Uint32Array | undefined
  return { size, postings, forward, yearRuns, byId, idRank, scratch: () => (scratch ??= new Uint32Array(size)) }
}

// the faceted dimensions whose values are counted per fact when few facts match (year uses runs)
const FORWARD_DIMENSIONS = ['category', 'form', 'actor', 'country'] as const

function forwardIndex(positionsByValue: Map<string, Uint32Array>, postings: Map<string, Posting>, size: number): ForwardIndex {
  const names = [...positionsByValue.keys()]
  const lists = [...positionsByValue.values()]
  const offsets = new Uint32Array(size + 1)
  for (const list of lists) for (let i = 0; i < list.length; i++) offsets[list[i]! + 1]!++
  for (let p = 0; p < size; p++) offsets[p + 1]! += offsets[p]!
  const values = new Uint32Array(offsets[size]!)
  const filled = offsets.slice(0, size)
  lists.forEach((list, value) => {
    for (let i = 0; i < list.length; i++) values[filled[list[i]!]!++] = value
  })
  const sizes = Uint32Array.from(lists, (list) => list.length)
  return { names, sizes, offsets, values, postingCost: postingCost([...postings.values()]) }
}

/**
 * What intersecting a match set with every posting list of a dimension costs, in the units of
 * facet-counts.ts: a call, plus per container of 65,536 positions a bitset's 1,024 words
 * (vectorized) or a run list, plus each member of a sorted-list container probed one by one.
 */
function postingCost(postings: Posting[]): number {
  let cost = 0
  for (const posting of postings) {
    const s = posting.statistics()
    cost += 100 + s.bitsetContainers * 150 + s.runContainers * 50 + s.valuesInArrayContainers * 2
  }
  return cost
}

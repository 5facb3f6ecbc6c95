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

export interface FactIndex {
  /** Number of facts; positions run from 0 to size - 1 in the default order. */
  size: number
  postings: Record<Dimension, Map<string, Posting>>
  /** In position order: years descending, then the facts without a year. */
  yearRuns: YearRun[]
  /** Positions in id order, and each position's place in it. */
  byId: Uint32Array
  idRank: Uint32Array
}

/**
 * Loads the posting lists and orders the build wrote: one read at start, after which filtering,
 * counting and faceting never touch SQLite.
 */
export function loadFactIndex(db: Database): FactIndex {
  const size = db.prepare('SELECT count(*) FROM facts').pluck().get() as number
  const postings = Object.fromEntries(DIMENSIONS.map((d) => [d, new Map<string, Posting>()])) as FactIndex['postings']
  const yearRuns: YearRun[] = []
  const rows = db.prepare('SELECT dimension, value, positions FROM postings').raw().iterate() as Iterable<[Dimension, string, Buffer]>
  for (const [dimension, value, blob] of rows) {
    const positions = fromBlob(blob)
    postings[dimension]?.set(value, toPosting(positions, size))
    if (dimension === 'year' && positions.length > 0) {
      const run = { year: value === NO_YEAR ? null : Number(value), start: positions[0]!, end: positions.at(-1)! + 1 }
      if (run.end - run.start !== positions.length) throw new Error(`the facts of year ${value} are not numbered consecutively`)
      yearRuns.push(run)
    }
  }
  yearRuns.sort((a, b) => a.start - b.start)
  const order = db.prepare("SELECT positions FROM fact_orders WHERE name = 'id'").pluck().get() as Buffer | undefined
  const byId = order ? Uint32Array.from(fromBlob(order)) : new Uint32Array(0)
  const idRank = new Uint32Array(size)
  byId.forEach((position, rank) => (idRank[position] = rank))
  return { size, postings, yearRuns, byId, idRank }
}

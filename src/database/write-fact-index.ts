import type { Database } from 'better-sqlite3'
import { DIMENSIONS, type Dimension, type DimensionValues } from '../facts-index/dimensions.js'
import { toBlob } from '../facts-index/positions-blob.js'
import { commonWordThreshold, writeCommonWords } from './write-common-words.js'

/** A growable list of ascending positions: 4 bytes a member at any size. */
class PositionList {
  private values = new Uint32Array(16)
  length = 0
  push(position: number) {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = position
  }
  toArray(): Uint32Array {
    return this.values.subarray(0, this.length)
  }
}

/**
 * Numbers the staged facts in the default order (year descending, no year last, then id) and
 * writes, from that numbering, the served facts, the full-text index, one posting list per
 * dimension value and per common word, and the id order. Runs once per build, so no request ever sorts or groups.
 */
export function writeFactIndex(db: Database, commonWordFacts?: number): number {
  // position is the rowid, so every later pass walks the numbering in order without a sort
  db.exec(`CREATE TABLE staging.numbered (position INTEGER PRIMARY KEY, staged INTEGER NOT NULL);
    INSERT INTO staging.numbered (position, staged)
    SELECT row_number() OVER (ORDER BY COALESCE(year, -1) DESC, id) - 1, rowid FROM staging.staged_facts`)
  db.exec(`INSERT INTO facts (rowid, id, json, members)
    SELECT n.position, s.id, s.json, s.members FROM staging.numbered n JOIN staging.staged_facts s ON s.rowid = n.staged
    ORDER BY n.position`)
  db.exec(`INSERT INTO facts_search (rowid, statement, quotes)
    SELECT n.position, s.statement, s.quotes FROM staging.numbered n JOIN staging.staged_facts s ON s.rowid = n.staged
    ORDER BY n.position`)
  const size = db.prepare('SELECT count(*) FROM staging.numbered').pluck().get() as number

  const lists = new Map<Dimension, Map<string, PositionList>>(DIMENSIONS.map((d) => [d, new Map()]))
  const rows = db.prepare(`SELECT n.position, s.dimensions FROM staging.numbered n
    JOIN staging.staged_facts s ON s.rowid = n.staged ORDER BY n.position`).raw()
  for (const [position, dimensions] of rows.iterate() as Iterable<[number, string]>) {
    const values = JSON.parse(dimensions) as DimensionValues
    for (const dimension of DIMENSIONS) {
      const byValue = lists.get(dimension)!
      for (const value of values[dimension]) {
        let list = byValue.get(value)
        if (!list) byValue.set(value, (list = new PositionList()))
        list.push(position)
      }
    }
  }

  const posting = db.prepare('INSERT INTO postings (dimension, value, cardinality, positions) VALUES (?, ?, ?, ?)')
  for (const [dimension, byValue] of lists) {
    for (const [value, list] of byValue) posting.run(dimension, value, list.length, toBlob(list.toArray()))
  }
  writeCommonWords(db, commonWordFacts ?? commonWordThreshold(size))

  const byId = Uint32Array.from(db.prepare('SELECT rowid FROM facts ORDER BY id').pluck().all() as number[])
  db.prepare('INSERT INTO fact_orders (name, positions) VALUES (?, ?)').run('id', toBlob(byId))
  return size
}

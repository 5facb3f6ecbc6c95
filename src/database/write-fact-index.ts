import type { Database } from 'better-sqlite3'
import { DIMENSIONS } from '../facts-index/dimensions.js'
import { toBlob } from '../facts-index/positions-blob.js'
import { NumberList, type StagedDimensions } from './staged-dimensions.js'
import { commonWordThreshold, writeCommonWords } from './write-common-words.js'

/**
 * Numbers the staged facts in the default order (year descending, no year last, then id) and
 * writes, from that numbering, the served facts, the full-text index, one posting list per
 * dimension value and per common word, and the id order. Runs once per build, so no request ever sorts or groups.
 */
export function writeFactIndex(db: Database, staged: StagedDimensions, commonWordFacts?: number): number {
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

  // each fact's values were kept as numbers when it was staged: no staged row is read back
  const lists = staged.values.map(() => new NumberList())
  const numbering = db.prepare('SELECT position, staged FROM staging.numbered ORDER BY position').raw()
  for (const [position, row] of numbering.iterate() as Iterable<[number, number]>) {
    // staged rows are numbered from 1, in staging order
    staged.forEachValue(row - 1, (value) => lists[value]!.push(position))
  }

  const posting = db.prepare('INSERT INTO postings (dimension, value, cardinality, positions) VALUES (?, ?, ?, ?)')
  for (const dimension of DIMENSIONS) {
    staged.values.forEach(([d, value], id) => {
      if (d === dimension) posting.run(dimension, value, lists[id]!.length, toBlob(lists[id]!.toArray()))
    })
  }
  writeCommonWords(db, commonWordFacts ?? commonWordThreshold(size))

  const byId = Uint32Array.from(db.prepare('SELECT rowid FROM facts ORDER BY id').pluck().all() as number[])
  db.prepare('INSERT INTO fact_orders (name, positions) VALUES (?, ?)').run('id', toBlob(byId))
  return size
}

import type { Database } from 'better-sqlite3'
import { toBlob } from '../facts-index/positions-blob.js'
import { WORD_SCORES_SQL } from '../facts-index/word-scores.js'

// A word is common when more facts than this contain it: reading it from FTS5 per request
// would cost more than reading its stored list.
export const commonWordThreshold = (facts: number) => Math.max(1000, Math.floor(facts / 200))

/** Stores the posting list and BM25 scores of every common word of the full-text index. */
export function writeCommonWords(db: Database, threshold: number): number {
  db.exec("CREATE VIRTUAL TABLE temp.search_vocabulary USING fts5vocab(main, facts_search, 'row')")
  const common = db.prepare('SELECT term FROM temp.search_vocabulary WHERE doc > ?').pluck().all(threshold) as string[]
  const scores = db.prepare(WORD_SCORES_SQL).raw()
  const insert = db.prepare('INSERT INTO word_postings (word, cardinality, positions, impacts) VALUES (?, ?, ?, ?)')
  for (const word of common) {
    const rows = scores.all(`"${word}"`) as [number, number][]
    const positions = new Uint32Array(rows.length)
    const impacts = new Float32Array(rows.length)
    rows.forEach(([position, score], i) => {
      positions[i] = position
      impacts[i] = score
    })
    insert.run(word, rows.length, toBlob(positions), toBlob(impacts))
  }
  db.exec('DROP TABLE temp.search_vocabulary')
  return common.length
}

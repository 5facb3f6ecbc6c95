import type { Database } from 'better-sqlite3'
import type { FactIndex } from '../../facts-index/fact-index.js'

export interface SearchResult {
  /** Matching positions, ascending: intersected with the other filters. */
  positions: Uint32Array
  /** The same positions best first (bm25, then id): the relevance order. */
  ranked: Uint32Array
}

/**
 * The FTS5 expression for `q`. User text never reaches FTS5 syntax: it is cut into words and
 * each word is quoted, so `q` cannot raise a syntax error, and all words must match.
 */
export function toMatchExpression(q: string): string {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => `"${w}"`).join(' ')
}

export function createFactSearch(db: Database, index: FactIndex) {
  // statement hits weigh more than quote hits: the statement is the curated claim
  const matches = db.prepare('SELECT rowid, bm25(facts_search, 2.0, 1.0) FROM facts_search WHERE facts_search MATCH ?').raw()

  return (q: string): SearchResult => {
    const rows = matches.all(toMatchExpression(q)) as [number, number][]
    const { idRank } = index
    const ranked = Uint32Array.from(
      rows.sort((a, b) => a[1] - b[1] || idRank[a[0]]! - idRank[b[0]]!).map((r) => r[0])
    )
    return { positions: Uint32Array.from(ranked).sort(), ranked }
  }
}

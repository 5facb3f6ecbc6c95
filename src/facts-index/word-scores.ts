/**
 * One word's matches in the full-text index, by position, with its BM25 score on each (FTS5's
 * bm25 is negative, better lower; here higher is better). A statement hit weighs twice a quote
 * hit: the statement is the curated claim. BM25 adds up over words, so a query's score is the
 * sum of its words' scores.
 */
export const WORD_SCORES_SQL =
  'SELECT rowid, -bm25(facts_search, 2.0, 1.0) FROM facts_search WHERE facts_search MATCH ? ORDER BY rowid'

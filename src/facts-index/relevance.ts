import type { FactIndex } from './fact-index.js'
import type { Posting } from './posting.js'

/** Where a relevance page ends: the last fact's score and its rank by id (the tie-break). */
export interface RelevancePlace {
  score: number
  place: number
}

/** The facts a word occurs in, each with the word's BM25 impact on that fact. */
export interface WordPosting {
  posting: Posting
  positions: Uint32Array
  impacts: Float32Array
}

/**
 * Every fact's relevance for the query words: the sum of the words' BM25 impacts, computed at
 * build time, so scoring costs one addition per occurrence and reads no text.
 */
export function scoreWords(size: number, words: readonly (WordPosting | undefined)[]): Float32Array {
  const scores = new Float32Array(size)
  for (const entry of words) {
    if (!entry) continue
    const { positions, impacts } = entry
    for (let i = 0; i < positions.length; i++) scores[positions[i]!]! += impacts[i]!
  }
  return scores
}

/**
 * The next `limit` matching facts by score descending, then id, after `after`: one pass over
 * the matches keeping the best few, so a page costs the same at any depth and no full sort of
 * the matches is ever made.
 */
export function topByRelevance(index: FactIndex, bits: Posting, scores: Float32Array, after: RelevancePlace | undefined, limit: number): (RelevancePlace & { position: number })[] {
  const best: (RelevancePlace & { position: number })[] = []
  const before = (a: RelevancePlace, b: RelevancePlace) => a.score > b.score || (a.score === b.score && a.place < b.place)
  const positions = bits.toUint32Array(index.scratch())
  for (let m = 0; m < positions.length; m++) {
    const p = positions[m]!
    const candidate = { score: scores[p]!, place: index.idRank[p]!, position: p }
    if (after && !before(after, candidate)) continue
    if (best.length === limit && !before(candidate, best[limit - 1]!)) continue
    let i = best.length === limit ? limit - 1 : best.length
    while (i > 0 && before(candidate, best[i - 1]!)) {
      best[i] = best[i - 1]!
      i--
    }
    best[i] = candidate
  }
  return best
}

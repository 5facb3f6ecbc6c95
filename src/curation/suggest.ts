// "Did you mean …?" for ids and slugs a curator mistyped: the known value nearest by edit
// distance, offered only when it is close enough to be the intended one.

/** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/** The nearest known value, if within a third of the value's length (at least 2 edits). */
export function nearest(value: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(2, Math.floor(value.length / 3))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of known) {
    const distance = editDistance(value, candidate)
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance]
  }
  return best
}

/** The fix an unknown value gets: the nearest known value, or where the known ones are listed. */
export function unknownFix(value: string, known: Iterable<string>, listedIn: string): string {
  const guess = nearest(value, known)
  return guess === undefined ? `use one listed in ${listedIn}, or add it there` : `did you mean \`${guess}\`? (${listedIn})`
}

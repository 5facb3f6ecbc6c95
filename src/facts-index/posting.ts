import { countAnd, has, orInto, setPositions, wordsFor, type Bits } from './bitset.js'

/**
 * The facts carrying one value of one dimension. A value held by more than one fact in 32 is
 * kept as a bitset (smaller than its list and counted a word at a time); a rarer one as its
 * sorted positions (smaller than a bitset and counted a member at a time).
 */
export type Posting =
  | { cardinality: number; bits: Bits; positions?: undefined }
  | { cardinality: number; positions: Uint32Array; bits?: undefined }

export function toPosting(positions: Uint32Array, size: number): Posting {
  // 4 bytes a member against one bit a fact: the list is smaller below size / 32 members
  if (positions.length <= size / 32) {
    return { cardinality: positions.length, positions }
  }
  const bits = new Uint32Array(wordsFor(size))
  setPositions(bits, positions)
  return { cardinality: positions.length, bits }
}

export function addTo(target: Bits, posting: Posting): void {
  if (posting.bits) orInto(target, posting.bits)
  else setPositions(target, posting.positions)
}

/** How many members of `bits` carry this value. */
export function countIn(bits: Bits, posting: Posting): number {
  if (posting.bits) return countAnd(bits, posting.bits)
  let total = 0
  const positions = posting.positions
  for (let i = 0; i < positions.length; i++) if (has(bits, positions[i]!)) total++
  return total
}


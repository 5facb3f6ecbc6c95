/**
 * Sets of fact positions as bitsets: one bit per fact, 32 to a word. Intersections, unions and
 * counts over a million facts are a few tens of thousands of word operations.
 */
export type Bits = Uint32Array

export const wordsFor = (size: number) => (size + 31) >>> 5

export function emptyBits(size: number): Bits {
  return new Uint32Array(wordsFor(size))
}

export function has(bits: Bits, position: number): boolean {
  return (bits[position >>> 5]! & (1 << (position & 31))) !== 0
}

export function setPositions(bits: Bits, positions: Uint32Array): void {
  for (let i = 0; i < positions.length; i++) {
    const p = positions[i]!
    bits[p >>> 5]! |= 1 << (p & 31)
  }
}

/** Sets positions start (inclusive) to end (exclusive). */
export function setRange(bits: Bits, start: number, end: number): void {
  if (end <= start) return
  const first = start >>> 5
  const last = (end - 1) >>> 5
  const head = ~0 << (start & 31)
  const tail = ~0 >>> (31 - ((end - 1) & 31))
  if (first === last) {
    bits[first]! |= head & tail
    return
  }
  bits[first]! |= head
  bits.fill(0xffffffff, first + 1, last)
  bits[last]! |= tail
}

export function orInto(target: Bits, source: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! |= source[i]!
}

export function andInto(target: Bits, source: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! &= source[i]!
}

/** Removes from `target` the members of `source`. */
export function andNotInto(target: Bits, source: Bits): void {
  for (let i = 0; i < target.length; i++) target[i]! &= ~source[i]!
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24)
}

export function count(bits: Bits): number {
  let total = 0
  for (let i = 0; i < bits.length; i++) if (bits[i] !== 0) total += popcount32(bits[i]!)
  return total
}

/** Members in start (inclusive) to end (exclusive). */
export function countRange(bits: Bits, start: number, end: number): number {
  if (end <= start) return 0
  const first = start >>> 5
  const last = (end - 1) >>> 5
  const head = ~0 << (start & 31)
  const tail = ~0 >>> (31 - ((end - 1) & 31))
  if (first === last) return popcount32(bits[first]! & head & tail)
  let total = popcount32(bits[first]! & head) + popcount32(bits[last]! & tail)
  for (let i = first + 1; i < last; i++) if (bits[i] !== 0) total += popcount32(bits[i]!)
  return total
}

/** Members of both sets. */
export function countAnd(a: Bits, b: Bits): number {
  let total = 0
  for (let i = 0; i < a.length; i++) {
    const w = a[i]! & b[i]!
    if (w !== 0) total += popcount32(w)
  }
  return total
}

/** The first member at or after `from` and before `end`, or -1. Skips empty words whole. */
export function nextMember(bits: Bits, from: number, end: number): number {
  if (from >= end) return -1
  let word = from >>> 5
  let w = bits[word]! & (~0 << (from & 31))
  const lastWord = (end - 1) >>> 5
  for (;;) {
    if (w !== 0) {
      const position = (word << 5) + (31 - Math.clz32(w & -w))
      return position < end ? position : -1
    }
    if (++word > lastWord) return -1
    w = bits[word]!
  }
}

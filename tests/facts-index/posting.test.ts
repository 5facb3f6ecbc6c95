import { describe, expect, test } from 'vitest'
import { and, complement, rangePosting, toPosting, union, type Posting } from '../../src/facts-index/posting.js'

// Roaring keeps each block of 65,536 positions as a sorted list (up to 4,096 members), a bitset
// (more) or a list of runs (when that is smaller): every shape, at the sizes that choose it, and
// at the edges of a block and of the whole range.
const SIZE = 3 * 65_536 + 1_000
const BLOCK = 65_536

const sorted = (values: Iterable<number>) => Uint32Array.from([...new Set(values)].sort((a, b) => a - b))
function every(step: number, from = 0, to = SIZE) {
  const values: number[] = []
  for (let p = from; p < to; p += step) values.push(p)
  return values
}

const SHAPES: Record<string, number[]> = {
  empty: [],
  'one member, the first position': [0],
  'one member, the last position': [SIZE - 1],
  'block edges': [BLOCK - 1, BLOCK, 2 * BLOCK - 1, 2 * BLOCK],
  // 655 a block: a sorted list in each
  sparse: every(100),
  // 4,096 a block, the most a list holds, and one more
  'list at its limit': every(16, 0, BLOCK),
  'bitset just past the limit': [...every(16, 0, BLOCK), 1],
  // half of every block: bitsets
  dense: every(2),
  // long consecutive stretches: runs
  runs: [...every(1, 10, 70_000), ...every(1, 150_000, SIZE)],
  everything: every(1)
}

// the members against the expected positions: where they first differ, or -1 (arrays of
// 200,000 numbers compared element by element in expect() would take seconds)
function firstDifference(posting: Posting, expected: ArrayLike<number>): number {
  const members = posting.toUint32Array()
  for (let i = 0; i < Math.max(members.length, expected.length); i++) if (members[i] !== expected[i]) return i
  return -1
}

const kind = (posting: Posting) => {
  const s = posting.statistics()
  return { list: s.arrayContainers, bitset: s.bitsetContainers, runs: s.runContainers }
}

describe('toPosting', () => {
  test.each(Object.entries(SHAPES))('%s: same members, size, first and last', (_name, values) => {
    const positions = sorted(values)
    const posting = toPosting(positions)
    expect(posting.size).toBe(positions.length)
    expect(firstDifference(posting, positions)).toBe(-1)
    expect(posting.isFrozen).toBe(true)
    if (positions.length > 0) {
      expect(posting.minimum()).toBe(positions[0])
      expect(posting.maximum()).toBe(positions.at(-1))
      expect(posting.has(positions[0]! - 1)).toBe(positions[0] === 0 ? false : positions.includes(positions[0]! - 1))
    }
  })

  test('each shape is stored as the representation chosen for its size', () => {
    expect(kind(toPosting(sorted(SHAPES.sparse!)))).toEqual({ list: 4, bitset: 0, runs: 0 })
    expect(kind(toPosting(sorted(SHAPES['list at its limit']!)))).toEqual({ list: 1, bitset: 0, runs: 0 })
    expect(kind(toPosting(sorted(SHAPES['bitset just past the limit']!)))).toEqual({ list: 0, bitset: 1, runs: 0 })
    // the last block holds 1,000 positions: its 500 members are a list
    expect(kind(toPosting(sorted(SHAPES.dense!)))).toEqual({ list: 1, bitset: 3, runs: 0 })
    expect(kind(toPosting(sorted(SHAPES.runs!))).runs).toBe(4)
  })

  test('a frozen posting refuses changes: requests share it', () => {
    const posting = toPosting(sorted([1, 2, 3]))
    expect(() => (posting as unknown as { add: (n: number) => void }).add(4)).toThrow()
  })
})

describe('intersections, unions and complements across representations', () => {
  const names = Object.keys(SHAPES)
  const pairs = names.flatMap((a) => names.map((b) => [a, b] as const))
  const arrays = Object.fromEntries(names.map((n) => [n, sorted(SHAPES[n]!)]))
  // plain merges of the sorted positions: what the bitmaps must agree with
  const merge = (a: Uint32Array, b: Uint32Array, keepAll: boolean) => {
    const out: number[] = []
    let i = 0
    let j = 0
    while (i < a.length || j < b.length) {
      if (j === b.length || (i < a.length && a[i]! < b[j]!)) {
        if (keepAll) out.push(a[i]!)
        i++
      } else if (i === a.length || b[j]! < a[i]!) {
        if (keepAll) out.push(b[j]!)
        j++
      } else {
        out.push(a[i]!)
        i++
        j++
      }
    }
    return out
  }

  test.each(pairs)('%s with %s', (a, b) => {
    const left = toPosting(arrays[a]!)
    const right = toPosting(arrays[b]!)
    const both = merge(arrays[a]!, arrays[b]!, false)
    const either = merge(arrays[a]!, arrays[b]!, true)
    expect(firstDifference(and(left, right), both)).toBe(-1)
    expect(left.andCardinality(right)).toBe(both.length)
    expect(firstDifference(union([left, right]), either)).toBe(-1)
  })

  test.each(names)('complement of %s', (name) => {
    const posting = toPosting(sorted(SHAPES[name]!))
    const rest = complement(posting, SIZE)
    expect(rest.size).toBe(SIZE - posting.size)
    expect(rest.andCardinality(posting)).toBe(0)
    expect(union([rest, posting]).size).toBe(SIZE)
    // the input is not changed
    expect(posting.size).toBe(new Set(SHAPES[name]).size)
  })

  test('a range is its positions, start included, end excluded', () => {
    expect([...rangePosting(BLOCK - 2, BLOCK + 2).toUint32Array()]).toEqual([BLOCK - 2, BLOCK - 1, BLOCK, BLOCK + 1])
    expect(rangePosting(5, 5).size).toBe(0)
  })
})

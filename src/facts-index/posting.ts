import roaring, { type ReadonlyRoaringBitmap32, type RoaringBitmap32 as Bitmap } from 'roaring'

// a CommonJS module: its class is reached through the default export
const { RoaringBitmap32 } = roaring

/**
 * A set of fact positions as a compressed bitmap (Roaring: the structure Lucene, Druid and
 * ClickHouse use for posting lists). Each run of 65,536 positions is kept as whichever of a
 * sorted list, a bitset or a list of ranges is smallest, so a rare value costs a few bytes a
 * member, a common one a bit a fact, and intersections and counts work container by container
 * in C rather than word by word in JavaScript.
 */
export type Posting = ReadonlyRoaringBitmap32
export type MutablePosting = Bitmap

/** A posting from ascending positions, compressed and frozen: it is shared by every request. */
export function toPosting(positions: Uint32Array): Posting {
  const posting = new RoaringBitmap32(positions)
  posting.runOptimize()
  posting.shrinkToFit()
  return posting.freeze()
}

export const emptyPosting = (): MutablePosting => new RoaringBitmap32()

/** Positions start (inclusive) to end (exclusive). */
export const rangePosting = (start: number, end: number): MutablePosting => RoaringBitmap32.fromRange(start, end)

export const and = (a: Posting, b: Posting): MutablePosting => RoaringBitmap32.and(a, b)

export const union = (postings: readonly Posting[]): MutablePosting => RoaringBitmap32.orMany(postings)

/** The positions in [0, size) not in `posting`. */
export function complement(posting: Posting, size: number): MutablePosting {
  const rest = RoaringBitmap32.fromRange(0, size)
  rest.andNotInPlace(posting)
  return rest
}

/** Bytes a posting holds, for caches bounded in bytes. */
export const postingBytes = (posting: Posting): number => posting.getSerializationSizeInBytes('croaring')

import { endianness } from 'node:os'

// Posting lists travel as little-endian uint32 blobs; a typed array is a view of the same bytes
// on little-endian machines (all this service targets), so loading copies nothing.
if (endianness() !== 'LE') throw new Error('the fact index expects a little-endian machine')

export function toBlob(values: Uint32Array | Float32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength)
}

export function fromBlob(blob: Buffer): Uint32Array {
  // a Buffer may start at an offset that is not a multiple of 4 in its pool: copy when it does
  if (blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4)
  return new Uint32Array(Uint8Array.from(blob).buffer)
}

export function floatsFromBlob(blob: Buffer): Float32Array {
  const words = fromBlob(blob)
  return new Float32Array(words.buffer, words.byteOffset, words.length)
}

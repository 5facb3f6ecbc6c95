import { DIMENSIONS, type Dimension, type DimensionValues } from '../facts-index/dimensions.js'

/** A growable list of 32-bit numbers: 4 bytes an entry at any size, outside the JS heap. */
export class NumberList {
  private values = new Uint32Array(16)
  length = 0
  push(value: number) {
    if (this.length === this.values.length) {
      const grown = new Uint32Array(this.values.length * 2)
      grown.set(this.values)
      this.values = grown
    }
    this.values[this.length++] = value
  }
  at(i: number): number {
    return this.values[i]!
  }
  toArray(): Uint32Array {
    return this.values.subarray(0, this.length)
  }
}

/**
 * Each staged fact's dimension values, kept as numbers in staging order while the facts are
 * read, so the posting lists can be built once the facts are numbered without reading every
 * staged row back and parsing it again: about 4 bytes per fact and value.
 */
export class StagedDimensions {
  private readonly ids = DIMENSIONS.map(() => new Map<string, number>())
  /** Every value seen, by number: its dimension and text. */
  readonly values: [Dimension, string][] = []
  private readonly offsets = new NumberList()
  private readonly members = new NumberList()

  constructor() {
    this.offsets.push(0)
  }

  /** Records the next staged fact's values. */
  add(values: DimensionValues): void {
    DIMENSIONS.forEach((dimension, d) => {
      const ids = this.ids[d]!
      for (const value of values[dimension]) {
        let id = ids.get(value)
        if (id === undefined) {
          ids.set(value, (id = this.values.length))
          this.values.push([dimension, value])
        }
        this.members.push(id)
      }
    })
    this.offsets.push(this.members.length)
  }

  /** Calls `visit` with the number of each value of the `staged`-th fact (0-based, in staging order). */
  forEachValue(staged: number, visit: (value: number) => void): void {
    for (let k = this.offsets.at(staged); k < this.offsets.at(staged + 1); k++) visit(this.members.at(k))
  }
}

/**
 * A least-recently-used cache bounded in bytes, not entries: a million-fact bitset and a
 * one-line count must not weigh the same. Safe only because the served database is read-only
 * and immutable for the life of the process: an answer computed once stays true.
 */
export function createBoundedCache<V>(maxBytes: number, sizeOf: (value: V) => number) {
  const entries = new Map<string, { value: V; bytes: number }>()
  let bytes = 0
  // what a Map entry, its key, the entry object and a typed array's own objects cost beyond
  // the value's bytes, measured: an undercount lets many small entries outgrow the bound
  const OVERHEAD = 1024

  return {
    get(key: string): V | undefined {
      const entry = entries.get(key)
      if (!entry) return undefined
      entries.delete(key)
      entries.set(key, entry)
      return entry.value
    },
    set(key: string, value: V): V {
      const size = sizeOf(value) + key.length * 2 + OVERHEAD
      if (size > maxBytes) return value
      const previous = entries.get(key)
      if (previous) {
        bytes -= previous.bytes
        entries.delete(key)
      }
      entries.set(key, { value, bytes: size })
      bytes += size
      for (const [oldest, entry] of entries) {
        if (bytes <= maxBytes) break
        entries.delete(oldest)
        bytes -= entry.bytes
      }
      return value
    },
    get bytes() {
      return bytes
    }
  }
}

/** `get`, or compute and `set`: the memo form of the cache. */
export function memoized<V>(cache: ReturnType<typeof createBoundedCache<V>>, key: string, compute: () => V): V {
  const hit = cache.get(key)
  return hit !== undefined ? hit : cache.set(key, compute())
}

/**
 * A bounded least-recently-used memo. Safe only because the served database is read-only and
 * immutable for the life of the process: an answer computed once stays true.
 */
export function memoize<A, R>(fn: (arg: A) => R, keyOf: (arg: A) => string, capacity: number): (arg: A) => R {
  const cache = new Map<string, R>()
  return (arg: A) => {
    const key = keyOf(arg)
    if (cache.has(key)) {
      const value = cache.get(key) as R
      cache.delete(key)
      cache.set(key, value)
      return value
    }
    const value = fn(arg)
    cache.set(key, value)
    if (cache.size > capacity) cache.delete(cache.keys().next().value as string)
    return value
  }
}

import { parse } from 'node:querystring'
import { REPEATABLE_PARAMETERS } from '../schemas/fact-filters.js'

const repeatable = new Set<string>(REPEATABLE_PARAMETERS)

/**
 * Repeatable parameters always come out as arrays, even when given once, so their schemas
 * can be plain arrays (documented as such in OpenAPI). Everything else keeps Node's parsing.
 */
export function parseQueryString(query: string): Record<string, string | string[]> {
  const parsed = parse(query) as Record<string, string | string[]>
  for (const key of Object.keys(parsed)) {
    const value = parsed[key]
    if (repeatable.has(key) && typeof value === 'string') parsed[key] = [value]
  }
  return parsed
}

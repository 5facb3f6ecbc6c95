import { parse } from 'node:querystring'
import { REPEATABLE_PARAMETERS } from '../schemas/fact-filters.js'
import { FIELDS_PARAMETER } from '../schemas/fact-fields.js'
import { echoed } from './echoed.js'
import type { ParameterError } from './errors.js'

const repeatable = new Set<string>([...REPEATABLE_PARAMETERS, FIELDS_PARAMETER])

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

const DECIMAL = /^[0-9]{1,9}$/
const isDecimal = (value: unknown) => typeof value === 'string' && DECIMAL.test(value)

/**
 * What Node's parser forgives and a client should hear about: a malformed percent-escape (Node
 * keeps `%ZZ` as three characters, the path router answers 400 for the same); a parameter that
 * may appear once given twice (its value would be an array, refused with a type error that says
 * nothing of the repetition); and a number not written in decimal digits.
 */
export function queryStringFaults(url: string, query: Record<string, unknown>, decimalIntegers: string[] = []): ParameterError[] {
  const faults: ParameterError[] = []
  const search = url.indexOf('?')
  if (search !== -1 && url.includes('%', search)) {
    for (const pair of url.slice(search + 1).split('&')) {
      if (isWellEscaped(pair)) continue
      const name = pair.split('=', 1)[0]!
      faults.push({ in: 'query', name: echoed(isWellEscaped(name) ? decode(name) : name), message: 'has a malformed percent-escape' })
    }
  }
  // plain loops: this runs on every request that is not replayed from the cache
  for (const name in query) {
    if (Array.isArray(query[name]) && !repeatable.has(name)) faults.push({ in: 'query', name: echoed(name), message: 'may appear only once' })
  }
  for (const name of decimalIntegers) {
    const value = query[name]
    if (value === undefined || (Array.isArray(value) && !repeatable.has(name))) continue
    if (!(Array.isArray(value) ? value.every(isDecimal) : isDecimal(value))) {
      faults.push({ in: 'query', name, message: 'must be a whole number in decimal digits, such as 20' })
    }
  }
  return faults
}

function isWellEscaped(text: string): boolean {
  if (!text.includes('%')) return true
  try {
    decode(text)
    return true
  } catch {
    return false
  }
}

const decode = (text: string) => decodeURIComponent(text.replaceAll('+', ' '))

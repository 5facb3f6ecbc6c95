import fc from 'fast-check'
import type { KnownValues } from './known-values.js'
import type { Operation, Parameter, ParameterSchema } from './openapi-contract.js'

// Values a parser, a SQL layer or FTS5 might misread; each is sent percent-encoded.
const TRICKY_TEXT = [
  '', ' ', '0', '-0', '-1', '00', '1e1', '2e3', '0x7DD', '+2013', ' 2013', '2013 ', '2013.0', '2013.5', '0b1', '1_000',
  'NaN', 'Infinity', '-Infinity', '9007199254740993', '1'.repeat(400), 'true', 'false', 'null', 'undefined',
  '[]', '{}', '[object Object]', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  "'", "''", "' OR 1=1 --", '"; DROP TABLE facts; --', '1; SELECT sqlite_version()', "x' UNION SELECT sql FROM sqlite_master --",
  '"', '""', '"unbalanced', '*', 'a*', '*a', 'NEAR(', 'NEAR(a b)', 'NEAR(a b, -1)', 'a OR', 'OR', 'AND', 'NOT', 'a AND NOT b',
  '-', '-a', '^', '^a', 'a:b', 'statement:x', 'rowid:1', '(', ')', '(()', '{a b}', '{', '+', 'a + b', 'a NEAR b', '\\',
  '\u0000', 'a\u0000b', '\u0007', '\u001b[31m', '\r\n', '\n', '\t', '\u007f', '\u0085', '\u2028', '\ufeff', '\u200b',
  '\u202etxt.exe', 'Москва', '人口贩卖', 'ا', '😀', '👩‍👩‍👧', 'e\u0301', '\ud800', '\udfff', 'ＲＵ', 'ß', 'İ',
  '../../etc/passwd', '..%2f..%2f', '/work/main', 'C:\\Windows', '<script>alert(1)</script>', '${jndi:x}', '%s%s%n', '{{7*7}}'
]

// Inserted verbatim into the URL: malformed escapes and delimiters the query parser must survive.
const RAW_FRAGMENTS = [
  '%', '%Z', '%ZZ', '%zz', '%2', '%%', '%%20', '%E0%A4%A', '%C0%AF', '%C3%28', '%ED%A0%80', '%FF', '%FE%FF', '%00',
  '%uD800', '%u0041', '%20', '%2010', '+', '%2B', '&', '=', '==', ';', ',', '[]', '[0]', '.', '..', '%2F', '%5C'
]

// Names no operation takes: unknown parameters, near-misses of real ones and prototype keys.
// (encoded like values; extraPair adds raw malformed names)
const EXTRA_NAMES = ['foo', 'Year', 'LIMIT', 'limit[]', 'year[]', 'year[0]', 'q.x', '__proto__', 'constructor', 'toString', '', ' ', 'a\u0000b', 'ü', 'callback', 'fields', 'page', 'offset']

const UNRESERVED = /[A-Za-z0-9\-._~]/

/** Percent-encodes every byte of the UTF-8 form (lone surrogates become U+FFFD, as any client sends them). */
export function percentEncode(text: string): string {
  let encoded = ''
  for (const char of text) {
    if (UNRESERVED.test(char)) encoded += char
    else for (const byte of Buffer.from(char, 'utf8')) encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return encoded
}

// Up to ~20 KB once encoded, past Fastify's 100-character path segments and any sane query
const longText = fc.constantFrom('a', '9', 'é', '😀', '"', ' ', 'x OR ', '%')
  .chain((unit) => fc.integer({ min: 100, max: Math.floor(20_000 / percentEncode(unit).length) * unit.length })
    .map((length) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)))

/** Any text at all, encoded: tricky constants, arbitrary code units, graphemes, numbers, very long runs. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_TEXT), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String), weight: 2 },
  { arbitrary: longText, weight: 1 }
).map(percentEncode)

/** Raw fragments spliced into otherwise encoded text, so escapes break mid-value. */
const malformed = fc.tuple(fc.constantFrom(...RAW_FRAGMENTS), fc.constantFrom('', 'a', '2013', '%41'), fc.boolean())
  .map(([fragment, text, before]) => (before ? fragment + text : text + fragment))

// `/v1/sources/{id}/text` takes the ids of `/v1/sources/{id}`: the path up to its parameter
const resourceOf = (path: string) => path.slice(0, path.indexOf('}') + 1)

function validValue(parameter: Parameter, known: KnownValues, path: string): fc.Arbitrary<string> {
  const values = known[parameter.in === 'path' ? resourceOf(path) : parameter.name]
  const schema: ParameterSchema = parameter.schema.items ?? parameter.schema
  if (values?.length) return fc.constantFrom(...values).map(percentEncode)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  if (schema.type === 'boolean') return fc.constantFrom('true', 'false')
  if (schema.type === 'integer') return fc.integer({ min: schema.minimum ?? 0, max: Math.min(schema.maximum ?? 1000, 100_000) }).map(String)
  return fc.stringMatching(/^[a-z0-9-]{1,30}$/)
}

/** A valid value turned slightly wrong: the edits that lenient number parsing accepts. */
function nearlyValid(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(valid, fc.constantFrom('+', '%20', '%2B', '0', '-', ' ', '.0', 'e0', '%00', '%0A', ',1', '%2C1'), fc.boolean())
    .map(([value, edit, prefix]) => (prefix ? edit + value : value + edit).replaceAll(' ', '%20'))
}

function anyValue(parameter: Parameter, known: KnownValues, path: string): fc.Arbitrary<string> {
  const valid = validValue(parameter, known, path)
  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    { arbitrary: hostileText, weight: 4 },
    { arbitrary: nearlyValid(valid), weight: 2 },
    { arbitrary: malformed, weight: 1 }
  )
}

/** How often a query parameter appears: usually absent or once; repeated; or past any maxItems. */
function occurrences(parameter: Parameter, value: fc.Arbitrary<string>): fc.Arbitrary<string[]> {
  const many = (parameter.schema.maxItems ?? 50) + 1
  return fc.oneof(
    { arbitrary: fc.constant([]), weight: 5 },
    { arbitrary: value.map((v) => [v]), weight: 4 },
    { arbitrary: fc.array(value, { minLength: 2, maxLength: 4 }), weight: 2 },
    { arbitrary: fc.array(value, { minLength: many, maxLength: many + 10 }), weight: 1 }
  ).map((values) => values.map((v) => `${parameter.name}=${v}`))
}

const extraPair = fc.oneof(
  fc.tuple(fc.constantFrom(...EXTRA_NAMES).map(percentEncode), fc.oneof(hostileText, malformed)).map(([n, v]) => `${n}=${v}`),
  fc.constantFrom('year', '=2013', '&', '&&', 'limit=1=2', 'q', '=', '%ZZ=1', 'year=2013&year')
)

// An empty or dot segment is another path (`/v1/facts/` is the list, `/v1/facts/..` is `/v1/`),
// so it is no request to this operation.
const staysInPath = (segment: string) => !/^(\.|%2e)*$/i.test(segment)

function buildPath(operation: Operation, pathValues: string[]): string {
  let index = 0
  return operation.path.replace(/\{[^}]+\}/g, () => pathValues[index++]!)
}

export interface FuzzRequest {
  url: string
  headers: Record<string, string>
}

// Headers that change the answer: content negotiation and conditional requests
const requestHeaders = fc.record({
  accept: fc.constantFrom('application/json', 'application/problem+json', '*/*', 'text/html', 'text/csv', 'application/x-ndjson', 'text/plain', 'application/xml', 'application/*', 'application/json;q=0', '', ';;', 'a/b/c'),
  'if-none-match': fc.constantFrom('*', '"x"', 'W/"x"', '', 'garbage', '"')
}, { requiredKeys: [] })

/** Raw URLs for one operation: every parameter valid, wrong, repeated or absent, with unknown extras. */
function hostileUrl(operation: Operation, known: KnownValues): fc.Arbitrary<string> {
  const pathParameters = operation.parameters.filter((p) => p.in === 'path')
  const queryParameters = operation.parameters.filter((p) => p.in === 'query')
  return fc.record({
    path: fc.tuple(...pathParameters.map((p) => fc.oneof(anyValue(p, known, operation.path), malformed).filter(staysInPath))),
    query: fc.tuple(...queryParameters.map((p) => occurrences(p, anyValue(p, known, operation.path)))),
    extras: fc.array(extraPair, { maxLength: 3 }),
    extrasFirst: fc.boolean()
  }).map(({ path, query, extras, extrasFirst }) => {
    const pairs = query.flat()
    const all = extrasFirst ? [...extras, ...pairs] : [...pairs, ...extras]
    return buildPath(operation, path) + (all.length ? `?${all.join('&')}` : '')
  })
}

/** Hostile URLs, sometimes with negotiation or conditional headers. */
export function hostileRequest(operation: Operation, known: KnownValues): fc.Arbitrary<FuzzRequest> {
  return fc.record({ url: hostileUrl(operation, known), headers: fc.oneof({ arbitrary: fc.constant({}), weight: 3 }, { arbitrary: requestHeaders, weight: 1 }) })
}

/** Raw URLs a well-behaved client sends: known values only, each parameter at most as often as allowed. */
export function validUrl(operation: Operation, known: KnownValues): fc.Arbitrary<string> {
  const pathParameters = operation.parameters.filter((p) => p.in === 'path')
  const queryParameters = operation.parameters.filter((p) => p.in === 'query' && p.name !== 'cursor')
  return fc.record({
    path: fc.tuple(...pathParameters.map((p) => validValue(p, known, operation.path))),
    query: fc.tuple(...queryParameters.map((p) => {
      const value = validValue(p, known, operation.path)
      const values = p.schema.type === 'array' ? fc.uniqueArray(value, { maxLength: 3 }) : fc.option(value, { nil: undefined }).map((v) => (v === undefined ? [] : [v]))
      return values.map((vs) => vs.map((v) => [p.name, v] as const))
    }))
  }).map(({ path, query }) => ({ path: buildPath(operation, path), query: query.flat() }))
    .filter(({ query }) => consistent(new Map(query)))
    .map(({ path, query }) => path + (query.length ? `?${query.map(([n, v]) => `${n}=${v}`).join('&')}` : ''))
}

/** Combinations each parameter allows but the operation refuses as a whole (documented 400s). */
function consistent(single: Map<string, string>): boolean {
  const inOrder = (a: string, b: string) => !single.has(a) || !single.has(b) || Number(single.get(a)) <= Number(single.get(b))
  return inOrder('yearFrom', 'yearTo') && inOrder('start', 'end') && (single.get('sort') !== 'relevance' || single.has('q'))
}

const integerParameters = (operation: Operation) =>
  operation.parameters.filter((p) => p.in === 'query' && (p.schema.items ?? p.schema).type === 'integer')

export const hasIntegerParameters = (operation: Operation) => integerParameters(operation).length > 0

// Spellings JavaScript's Number() reads as the same integer, which a strict parameter refuses
const NOT_DECIMAL: ((n: number) => string)[] = [
  (n) => `0x${n.toString(16)}`, (n) => `${n / 10}e1`, (n) => `%2B${n}`, (n) => `+${n}`, (n) => `%20${n}`, (n) => `${n}%20`,
  (n) => `${n}.0`, (n) => `${n}e0`, (n) => `${n}%00`, (n) => `%0A${n}`, (n) => `0b${n.toString(2)}`, (n) => `${n}n`,
  (n) => String(n).replace(/\d/g, (d) => percentEncode(String.fromCharCode(0xff10 + Number(d)))),
  (n) => String(n).replace(/\d/g, (d) => percentEncode(String.fromCharCode(0x0660 + Number(d))))
]

/** A request whose only query parameter is an integer spelled other than in plain decimal digits. */
export function misspelledIntegerUrl(operation: Operation, known: KnownValues): fc.Arbitrary<string> | undefined {
  const integers = integerParameters(operation)
  if (integers.length === 0) return undefined
  const pathParameters = operation.parameters.filter((p) => p.in === 'path')
  return fc.record({
    path: fc.tuple(...pathParameters.map((p) => validValue(p, known, operation.path))),
    parameter: fc.constantFrom(...integers),
    spelling: fc.constantFrom(...NOT_DECIMAL),
    value: fc.integer({ min: 10, max: 1000 })
  }).map(({ path, parameter, spelling, value }) => {
    // a year must fall in its range, or the refusal could be for the range alone
    const n = parameter.name.startsWith('year') ? 2000 + (value % 30) : value
    return `${buildPath(operation, path)}?${parameter.name}=${spelling(n)}`
  })
}

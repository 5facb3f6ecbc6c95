import type { OpenAPIV3_1 } from 'openapi-types'

interface Header {
  description: string
  required?: true
  schema: { type: 'string' | 'integer'; minimum?: number; examples?: string[] }
}

const header = (description: string, schema: Header['schema'], required = false): Header =>
  required ? { description, required: true, schema } : { description, schema }
const rateLimitNote = 'Absent when rate limiting is turned off (`RATE_LIMIT_MAX=0`).'

/**
 * Every response header the API documents, defined once under `components.headers`: clients
 * generated from the document then type them instead of seeing `unknown`.
 */
export const HEADERS = {
  'X-Request-Id': header(
    "Identifies this request in the server's logs: the client's own `X-Request-Id` when it is well formed, otherwise one the server made up. Quote it when reporting a problem.",
    { type: 'string' },
    true
  ),
  'Cache-Control': header(
    '`public, max-age=…` on data answers and their 304s (the dataset is immutable per release); `no-store` on errors and health probes.',
    { type: 'string', examples: ['public, max-age=300', 'no-store'] },
    true
  ),
  ETag: header(
    'Weak validator derived from the API and dataset versions: the same for every data answer of one release. Send it back in `If-None-Match` to get a 304.',
    { type: 'string', examples: ['W/"1.0.0-1.1.0-0123456789abcdef"'] },
    true
  ),
  Link: header(
    'The next page as a relative reference (RFC 8288), the same request with `cursor` set; absent on the last page.',
    { type: 'string', examples: ['</v1/facts?category=prosecution&cursor=…>; rel="next"'] }
  ),
  'Content-Disposition': header(
    'Names the download after its format.',
    { type: 'string', examples: ['attachment; filename="facts.csv"'] },
    true
  ),
  'Retry-After': header('Seconds to wait before trying again.', { type: 'integer', minimum: 0 }),
  'X-RateLimit-Limit': header(`Requests allowed per client per minute. ${rateLimitNote}`, { type: 'integer', minimum: 0 }),
  'X-RateLimit-Remaining': header(`Requests this client has left in the current minute. ${rateLimitNote}`, { type: 'integer', minimum: 0 }),
  'X-RateLimit-Reset': header(`Seconds until the current minute's count starts again. ${rateLimitNote}`, { type: 'integer', minimum: 0 })
} satisfies Record<string, Header>

export type HeaderName = keyof typeof HEADERS

/** Headers only some routes send: the route's schema names them (`responseHeaders`). */
export type RouteHeader = Extract<HeaderName, 'Link' | 'Content-Disposition'>

/** What decides which headers, parameters and statuses an operation documents besides its schema. */
export interface OperationTraits {
  /** Answers a matching `If-None-Match` with 304 (http-caching.ts: every GET not `cache: 'no-store'`). */
  conditional: boolean
  /** Counted by the rate limiter (rate-limit.ts; probes opt out with `rateLimit: false`). */
  rateLimited: boolean
  /** The route's own headers by status. */
  own: Partial<Record<number, readonly RouteHeader[]>>
}

/** The header names a response with this status carries for an operation with these traits. */
export function headersFor(status: number, traits: OperationTraits): HeaderName[] {
  const names: HeaderName[] = ['X-Request-Id', 'Cache-Control']
  // http-caching.ts drops the ETag from every error
  if (traits.conditional && status < 400) names.push('ETag')
  if (traits.rateLimited) names.push('X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset')
  if (status === 429 || status === 503) names.push('Retry-After')
  // a 304 is the route's 200 without its body (http-caching.ts), headers included
  names.push(...(traits.own[status === 304 ? 200 : status] ?? []))
  return names
}

export const headerRefs = (names: HeaderName[]): Record<string, OpenAPIV3_1.ReferenceObject> =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]))

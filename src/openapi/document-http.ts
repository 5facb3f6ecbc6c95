import type { RouteOptions } from 'fastify'
import type { OpenAPIV3_1 } from 'openapi-types'
import { HEADERS, headerRefs, headersFor, type OperationTraits, type RouteHeader } from './response-headers.js'

declare module 'fastify' {
  interface FastifySchema {
    /** Headers this route sends besides the common ones, by response status; for the OpenAPI document. */
    responseHeaders?: Partial<Record<number, readonly RouteHeader[]>>
  }
}

/** The traits of a documented GET route, keyed by its operationId; undefined for other routes. */
export function operationTraits(route: RouteOptions): [string, OperationTraits] | undefined {
  const operationId = route.schema?.operationId
  if (route.method !== 'GET' || operationId === undefined) return undefined
  return [operationId, {
    conditional: route.config?.cache !== 'no-store',
    rateLimited: route.config?.rateLimit !== false,
    own: route.schema?.responseHeaders ?? {}
  }]
}

const IF_NONE_MATCH: OpenAPIV3_1.ParameterObject = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description:
    'An `ETag` this API sent before: when it is still current the answer is a 304 without a body. ' +
    '`*` matches any current representation (RFC 9110 §13.1.2), so it turns every answer that would be a 200 into a 304; ' +
    'a 400 or 404 stays what it is.',
  schema: { type: 'string' },
  example: 'W/"1.0.0-1.1.0-0123456789abcdef"'
}

const notModified = (traits: OperationTraits): OpenAPIV3_1.ResponseObject => ({
  description: 'Not modified: the `ETag` in `If-None-Match` is current, so the copy the client holds is; no body.',
  headers: headerRefs(headersFor(304, traits))
})
// Every conditional route is also rate limited: routes without headers of their own share this 304.
const SHARED_TRAITS: OperationTraits = { conditional: true, rateLimited: true, own: {} }
const NOT_MODIFIED = notModified(SHARED_TRAITS)

/**
 * Adds what the routes' zod schemas cannot say: the headers of every response, and on the
 * routes that answer conditionally the `If-None-Match` parameter and the 304. Shared pieces are
 * components, referenced.
 */
export function documentHttp<D>(document: D, traits: ReadonlyMap<string, OperationTraits>): D {
  const doc = structuredClone(document) as OpenAPIV3_1.Document
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const operation = item?.get
    if (!operation) continue
    const found = traits.get(operation.operationId ?? '')
    if (!found) throw new Error(`GET ${path} is documented without an operationId: give it one, or hide the route`)
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      if ('$ref' in response) continue
      response.headers = { ...response.headers, ...headerRefs(headersFor(Number(status), found)) }
    }
    if (found.conditional) {
      operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/IfNoneMatch' }]
      const own = notModified(found)
      const shared = JSON.stringify(own) === JSON.stringify(NOT_MODIFIED)
      const responses: Record<string, unknown> = (operation.responses ??= {})
      responses[304] = shared ? { $ref: '#/components/responses/NotModified' } : own
    }
  }
  doc.components = {
    ...doc.components,
    headers: HEADERS,
    parameters: { IfNoneMatch: IF_NONE_MATCH },
    responses: { NotModified: NOT_MODIFIED }
  }
  return doc as D
}

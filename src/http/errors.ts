import { STATUS_CODES } from 'node:http'
import createError from '@fastify/error'

export interface ParameterError {
  in: 'query' | 'path' | 'header'
  name: string
  message: string
}

// Every error a client can meet, defined once: code, status, and the problem type it maps to.
export const InvalidParameterError = createError<'TF_INVALID_PARAMETER', 400, [string]>('TF_INVALID_PARAMETER', '%s', 400)
export const NotFoundError = createError<'TF_NOT_FOUND', 404, [string]>('TF_NOT_FOUND', '%s', 404)
export const NotAcceptableError = createError<'TF_NOT_ACCEPTABLE', 406, [string]>('TF_NOT_ACCEPTABLE', '%s', 406)
export const NotReadyError = createError<'TF_NOT_READY', 503, [string]>('TF_NOT_READY', '%s', 503)
export const OverloadedError = createError<'TF_OVERLOADED', 503, [string]>('TF_OVERLOADED', '%s', 503)

export type InvalidParameter = InstanceType<typeof InvalidParameterError> & { parameterErrors: ParameterError[] }

/** A 400 naming each parameter at fault; the detail joins their messages. */
export function invalidParameters(errors: ParameterError[]): InvalidParameter {
  const detail = errors.map((e) => `${e.name}: ${e.message}`).join('; ')
  return Object.assign(new InvalidParameterError(detail), { parameterErrors: errors })
}

export interface ProblemType {
  slug: string
  title: string
  description: string
}

export const PROBLEM_TYPES: Record<number, ProblemType> = {
  400: { slug: 'invalid-parameter', title: 'Invalid parameter', description: 'A parameter is malformed, out of range, unknown, or names a value outside its vocabulary. `errors` lists each one.' },
  404: { slug: 'not-found', title: 'Not found', description: 'No resource has this path or identifier.' },
  406: { slug: 'not-acceptable', title: 'Not acceptable', description: 'The Accept header allows none of the media types this endpoint produces.' },
  429: { slug: 'too-many-requests', title: 'Too many requests', description: 'This client sent more requests than the per-minute limit; wait `Retry-After` seconds.' },
  500: { slug: 'server-error', title: 'Internal server error', description: 'The server failed to answer. Nothing about the request needs to change.' },
  503: { slug: 'not-ready', title: 'Service unavailable', description: 'The database is not open or not answering, or the server is overloaded; retry after `Retry-After` seconds.' }
}

/**
 * The problem `type` and `title` for a status. Statuses this API does not define a type for
 * (405, 414, 431 or 501, say) use `about:blank` with the HTTP reason phrase (RFC 9457 §4.2.1).
 */
export function problemType(status: number): { type: string; title: string } {
  const known = PROBLEM_TYPES[status]
  if (known) return { type: `/problems/${known.slug}`, title: known.title }
  return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error' }
}

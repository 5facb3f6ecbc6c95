import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { problemType, type ParameterError } from '../../http/errors.js'
import { echoed } from '../../http/echoed.js'
import type { Problem } from '../../schemas/problem.js'

const LOCATIONS: Record<string, ParameterError['in']> = { querystring: 'query', params: 'path', headers: 'header' }

/**
 * The one error shape: every failure leaves as RFC 9457 problem details. Client errors say
 * what to fix; server errors say only that the server failed, and the cause goes to the log.
 */
export default fp(
  async function problemDetails(app: FastifyInstance) {
    app.setErrorHandler((error: ProblemError, request, reply) => {
      const { status, detail, errors } = problemOf(error, request)
      return sendProblem(request, reply, status, detail, errors)
    })

    app.setNotFoundHandler(answerUnrouted)
  },
  { name: 'problem-details' }
)

/**
 * A method and path no route answers. Every route of this API is GET (HEAD and OPTIONS follow
 * from it): a path that answers GET exists, so another method on it is 405 with Allow
 * (RFC 9110 §15.5.6), not 404.
 */
export function answerUnrouted(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?', 1)[0]!
  if (request.method !== 'GET' && reply.server.findRoute({ method: 'GET', url: path })) {
    reply.header('allow', 'GET, HEAD, OPTIONS')
    return sendProblem(request, reply, 405, `${echoed(path)} answers GET, HEAD and OPTIONS only, not ${echoed(request.method)}.`)
  }
  return sendProblem(request, reply, 404, `No resource at ${request.method} ${echoed(path)}.`)
}

export type ProblemError = FastifyError & { parameterErrors?: ParameterError[] }

/**
 * What a failed request tells its client: the status, the detail and each parameter at fault.
 * The API sends it as problem details; the explorer's pages render the same as HTML.
 */
export function problemOf(error: ProblemError, request: FastifyRequest): { status: number; detail: string; errors?: ParameterError[] } {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = LOCATIONS[error.validationContext ?? 'querystring'] ?? 'query'
    return { status: 400, ...listed(error.validation.flatMap((issue) => validationEntries(issue, location))) }
  }
  const status = error.statusCode ?? 500
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed')
    return { status: status === 503 ? 503 : 500, detail: status === 503 ? error.message : 'The server failed to handle this request.' }
  }
  if (error.parameterErrors?.length) return { status, ...listed(error.parameterErrors) }
  return { status, detail: error.message }
}

// Each fault once, and only the first few: a query of a thousand unknown or repeated parameters
// (or fifty bad values of one) gets a short answer, not a hundred kilobytes naming each of them.
const MAX_LISTED = 5

function listed(all: ParameterError[]): { detail: string; errors: ParameterError[] } {
  const unique = [...new Map(all.map((e) => [`${e.in}\0${e.name}\0${e.message}`, e])).values()]
  const errors = unique.slice(0, MAX_LISTED)
  const more = unique.length - errors.length
  const detail = errors.map((e) => `${e.name}: ${e.message}`).join('; ')
  return { detail: more > 0 ? `${detail}; and ${more} more` : detail, errors }
}

function validationEntries(
  issue: { instancePath: string; message?: string; params?: Record<string, unknown> },
  location: ParameterError['in']
): ParameterError[] {
  const keys = issue.params?.keys
  if (Array.isArray(keys) && keys.length > 0) {
    return keys.map((key) => ({ in: location, name: echoed(String(key)), message: 'is not a parameter of this endpoint' }))
  }
  const name = issue.instancePath.split('/').filter(Boolean)[0] ?? '(all)'
  return [{ in: location, name, message: issue.message ?? 'is invalid' }]
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  detail: string,
  errors?: ParameterError[]
) {
  const { type, title } = problemType(status)
  const body: Problem = { type, title, status, detail, instance: instanceOf(request.url) }
  if (errors?.length) body.errors = errors
  return reply.code(status).type('application/problem+json').send(body)
}

// The path and query that failed; a long one is cut to its path, and that to its first
// characters, so that no problem repeats kilobytes of a client's input back at it.
const INSTANCE_LIMIT = 200

export function instanceOf(url: string): string {
  if (url.length <= INSTANCE_LIMIT) return url
  const path = url.split('?', 1)[0]!
  // never end inside a percent-escape: the instance stays a valid URI reference
  return path.length <= INSTANCE_LIMIT ? path : path.slice(0, INSTANCE_LIMIT).replace(/%[0-9A-Fa-f]?$/, '')
}

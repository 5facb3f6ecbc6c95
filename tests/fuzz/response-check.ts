import { unescape } from 'node:querystring'
import type { Contract, Operation } from './openapi-contract.js'

export interface FuzzResponse {
  statusCode: number
  headers: Record<string, string | string[] | number | undefined>
  body: string
}

// What a problem must never reveal: where the code lives, the SQL behind it, a stack trace.
const LEAKS: [string, RegExp][] = [
  ['file path', /\/work\/|\/home\/|\/app\/src|[\w-]+\.[cm]?[jt]s:\d+/],
  ['node_modules', /node_modules/],
  ['SQL text', /\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b|\bsqlite/i],
  ['stack trace', /^\s*at \S.*(\(.*:\d+:\d+\)|:\d+:\d+)$/m]
]

// A problem names what failed; it never hands kilobytes of the client's input back.
const MAX_PROBLEM_LENGTH = 4096

const JSON_TYPES = new Set(['application/json', 'application/problem+json'])

/**
 * Everything wrong with one answer, judged only by the committed contract: never 5xx, a status and
 * media type the document declares, a body its schema accepts, and problems that leak nothing.
 * An empty list means the answer is fine.
 */
export function responseViolations(contract: Contract, operation: Operation, url: string, response: FuzzResponse): string[] {
  const { statusCode: status } = response
  const violations: string[] = []
  if (status >= 500) violations.push(`status ${status}`)

  const contentType = String(response.headers['content-type'] ?? '')
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  const declared = operation.mediaTypes[String(status)]
  if (!declared) violations.push(`status ${status} is not declared for ${operation.operationId}`)
  else if (declared.length > 0 && !declared.includes(mediaType)) {
    violations.push(`status ${status} answered "${contentType}", declared ${declared.join(' or ')}`)
  }
  if (status >= 400 && mediaType !== 'application/problem+json') violations.push(`error ${status} is "${contentType}", not application/problem+json`)

  // the caller checks a 304 against the same request without its condition
  if (status === 304) return response.body === '' ? violations : [...violations, '304 with a body']
  if (JSON_TYPES.has(mediaType)) violations.push(...jsonViolations(contract, operation, status, mediaType, response.body))
  if (mediaType === 'application/x-ndjson') violations.push(...ndjsonViolations(response.body))
  if (status >= 400) violations.push(...leaks(url, response.body))
  if (status >= 400 && response.body.length > MAX_PROBLEM_LENGTH) violations.push(`problem echoes the request: ${response.body.length} characters`)
  return violations
}

function jsonViolations(contract: Contract, operation: Operation, status: number, mediaType: string, text: string): string[] {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return [`${mediaType} body is not JSON: ${text.slice(0, 80)}`]
  }
  const violations = (contract.schemaErrors(operation.operationId, status, mediaType, body) ?? [])
    .map((error) => `body breaks the ${status} schema: ${error}`)
  if (mediaType === 'application/problem+json' && (body as { status?: unknown }).status !== status) {
    violations.push(`problem status ${(body as { status?: unknown }).status} differs from HTTP ${status}`)
  }
  return violations
}

function ndjsonViolations(text: string): string[] {
  const lines = text.split('\n').filter((line) => line !== '')
  const bad = lines.findIndex((line) => {
    try {
      JSON.parse(line)
      return false
    } catch {
      return true
    }
  })
  return bad === -1 ? [] : [`NDJSON line does not parse: line ${bad + 1}, ${lines[bad]!.slice(0, 80)}`]
}

/** A leak counts only when the request did not itself carry the text (a problem may echo its input). */
function leaks(url: string, body: string): string[] {
  const request = `${url}\n${unescape(url)}`
  return LEAKS.filter(([, pattern]) => pattern.test(body) && !pattern.test(request))
    .map(([what]) => `problem reveals ${what}: ${body.slice(0, 200)}`)
}

import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import type { KnownValues } from './known-values.js'
import type { Contract, Operation } from './openapi-contract.js'
import { hostileRequest, misspelledIntegerUrl, validUrl, type FuzzRequest } from './request-arbitraries.js'
import { responseViolations } from './response-check.js'

/** Every violation seen in a long run, by kind, with its count and the shortest URL that shows it. */
export class FindingLog {
  readonly findings = new Map<string, { operationId: string; violation: string; count: number; url: string }>()
  cases = 0

  record(operation: Operation, url: string, violations: string[]): void {
    for (const violation of violations) {
      // the part before the first colon names the kind; what follows is the instance's detail
      const key = `${operation.operationId} ${violation.split(': ')[0]}`
      const seen = this.findings.get(key)
      if (!seen) this.findings.set(key, { operationId: operation.operationId, violation, count: 1, url })
      else {
        seen.count++
        if (url.length < seen.url.length) Object.assign(seen, { url, violation })
      }
    }
  }
}

export interface FuzzTarget {
  app: FastifyInstance
  contract: Contract
  known: KnownValues
  /** When given, violations are logged and the run goes on; otherwise the first one fails it (and shrinks). */
  log?: FindingLog
}

/**
 * The answer's violations. A 304 is judged against the same request without its condition, which
 * must answer 200 (RFC 9110 §13.1.2: a 404 or 400 stays one); a request a client may expect to
 * succeed must answer 200.
 */
async function answer(target: FuzzTarget, operation: Operation, request: FuzzRequest, mustSucceed = false) {
  const response = await target.app.inject({ method: 'GET', url: request.url, headers: request.headers })
  const violations = responseViolations(target.contract, operation, request.url, { statusCode: response.statusCode, headers: response.headers, body: response.body })
  if (response.statusCode === 304) {
    const { 'if-none-match': _, ...unconditional } = request.headers
    const plain = await target.app.inject({ method: 'GET', url: request.url, headers: unconditional })
    if (plain.statusCode !== 200) violations.push(`304 for a request that answers ${plain.statusCode} without If-None-Match`)
  }
  if (mustSucceed && response.statusCode !== 200) violations.push(`valid request answered ${response.statusCode}: ${response.body.slice(0, 200)}`)
  return { response, violations }
}

function report(target: FuzzTarget, operation: Operation, request: FuzzRequest, violations: string[]): void {
  if (target.log) target.log.cases++
  if (violations.length === 0) return
  const described = `${request.url}${Object.entries(request.headers).map(([name, value]) => ` [${name}: ${value}]`).join('')}`
  if (target.log) target.log.record(operation, described, violations)
  else throw new Error(`GET ${described}\n  ${violations.join('\n  ')}`)
}

/** Any request to the operation, however malformed, gets an answer the contract allows. */
export function hostileRequestsProperty(target: FuzzTarget, operation: Operation) {
  return fc.asyncProperty(hostileRequest(operation, target.known), async (request) => {
    report(target, operation, request, (await answer(target, operation, request)).violations)
  })
}

/**
 * A request made of known values is answered 200 with a body the contract allows; a list's
 * next page, through its cursor, is too.
 */
export function validRequestsProperty(target: FuzzTarget, operation: Operation) {
  return fc.asyncProperty(validUrl(operation, target.known), async (url) => {
    const request = { url, headers: {} }
    const { response, violations } = await answer(target, operation, request, true)
    report(target, operation, request, violations)
    const nextCursor = operation.operationId === 'listFacts' && response.statusCode === 200
      ? (response.json() as { page: { nextCursor: string | null } }).page.nextCursor
      : null
    if (nextCursor) {
      const next = { url: `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(nextCursor)}`, headers: {} }
      report(target, operation, next, (await answer(target, operation, next, true)).violations)
    }
  })
}

/**
 * An integer parameter takes plain decimal digits only: `0x7DD`, `2e3`, `+2013` or `%2010` is a
 * 400, never read as a number. Undefined for operations without integer parameters.
 */
export function strictIntegersProperty(target: FuzzTarget, operation: Operation) {
  const urls = misspelledIntegerUrl(operation, target.known)
  return urls && fc.asyncProperty(urls, async (url) => {
    const request = { url, headers: {} }
    const { response, violations } = await answer(target, operation, request)
    if (response.statusCode !== 400) violations.push(`misspelled integer answered ${response.statusCode}: ${response.body.slice(0, 200)}`)
    report(target, operation, request, violations)
  })
}

/** Runs per operation, weighted by how many parameters it has, summing to at least `total`. */
export function runsPerOperation(operations: Operation[], total: number): Map<Operation, number> {
  const weight = (o: Operation) => 1 + o.parameters.length
  const sum = operations.reduce((s, o) => s + weight(o), 0)
  return new Map(operations.map((o) => [o, Math.max(10, Math.ceil((total * weight(o)) / sum))]))
}

import { describe, expect, it } from 'vitest'
import { loadContract } from './openapi-contract.js'
import { responseViolations, type FuzzResponse } from './response-check.js'

// The fuzz properties are only as good as this judge: each rule must be able to say no.
const contract = loadContract()
const operation = (id: string) => contract.operations.find((o) => o.operationId === id)!
const problem = (status: number, detail = 'No fact has the id "x".') =>
  JSON.stringify({ type: '/problems/not-found', title: 'Not found', status, detail, instance: '/v1/facts/x' })
const answer = (statusCode: number, contentType: string, body: string): FuzzResponse => ({ statusCode, headers: { 'content-type': contentType }, body })
const judge = (id: string, response: FuzzResponse, url = '/v1/facts/x') => responseViolations(contract, operation(id), url, response)

describe('responseViolations', () => {
  it('accepts a declared problem', () => {
    expect(judge('getFact', answer(404, 'application/problem+json; charset=utf-8', problem(404)))).toEqual([])
  })

  it('refuses a 5xx', () => {
    expect(judge('getFact', answer(500, 'application/problem+json', problem(500)))).toContainEqual(expect.stringMatching(/^status 500/))
  })

  it('refuses a status the document does not declare for the operation', () => {
    expect(judge('getFact', answer(409, 'application/problem+json', problem(409)))).toContain('status 409 is not declared for getFact')
  })

  it('refuses an error that is not problem+json', () => {
    expect(judge('getFact', answer(404, 'text/plain', 'Not Found'))).toContainEqual(expect.stringMatching(/not application\/problem\+json/))
  })

  it('refuses a body its schema does not allow', () => {
    // with `fields` a fact may hold few fields, but never lacks its id nor has a field of the wrong type
    expect(judge('getFact', answer(200, 'application/json', '{"statement":"x"}'))).toContainEqual(expect.stringMatching(/^body breaks the 200 schema/))
    expect(judge('getFact', answer(200, 'application/json', '{"id":"x","year":"soon"}'))).toContainEqual(expect.stringMatching(/^body breaks the 200 schema/))
    expect(judge('getFact', answer(404, 'application/problem+json', '{"status":404}'))).toContainEqual(expect.stringMatching(/^body breaks the 404 schema/))
  })

  it('refuses a problem whose status differs from the response', () => {
    expect(judge('getFact', answer(404, 'application/problem+json', problem(400)))).toContainEqual(expect.stringMatching(/differs from HTTP 404/))
  })

  it.each([
    ['a file path', 'open /work/main/data/facts.sqlite failed'],
    ['node_modules', 'in node_modules/fastify/lib/route.js'],
    ['SQL text', 'near "x": syntax error in SELECT id FROM facts'],
    ['a stack trace', 'boom\n    at handler (file:///srv/app.js:10:5)']
  ])('refuses a problem that reveals %s', (_, detail) => {
    expect(judge('getFact', answer(404, 'application/problem+json', problem(404, detail)))).toContainEqual(expect.stringMatching(/^problem reveals/))
  })

  it('lets a problem echo what the request itself carried', () => {
    const url = '/v1/facts?q=SELECT%20x%20FROM%20y'
    expect(judge('listFacts', answer(400, 'application/problem+json', problem(400, 'q "SELECT x FROM y" is invalid')), url)).toEqual([])
  })

  it('refuses a problem that repeats kilobytes of the request', () => {
    expect(judge('getFact', answer(404, 'application/problem+json', problem(404, 'x'.repeat(5000))))).toContainEqual(expect.stringMatching(/echoes the request/))
  })

  it('refuses NDJSON with a line that does not parse', () => {
    expect(judge('exportFacts', answer(200, 'application/x-ndjson', '{"id":"a"}\n{"id":\n'))).toContainEqual(expect.stringMatching(/^NDJSON line does not parse: line 2,/))
  })
})

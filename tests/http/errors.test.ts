import { expect, test } from 'vitest'
import { PROBLEM_TYPES, problemType } from '../../src/http/errors.js'

test('each status this API answers has a problem type of its own', () => {
  for (const status of [400, 404, 406, 429, 500, 503]) {
    expect(problemType(status)).toEqual({ type: `/problems/${PROBLEM_TYPES[status]!.slug}`, title: PROBLEM_TYPES[status]!.title })
  }
})

test('any other server error is a server error; any other client error is about:blank (RFC 9457 §4.2.1)', () => {
  expect(problemType(502)).toEqual(problemType(500))
  expect(problemType(415)).toEqual({ type: 'about:blank', title: 'Unsupported Media Type' })
  expect(problemType(413)).toEqual({ type: 'about:blank', title: 'Payload Too Large' })
})

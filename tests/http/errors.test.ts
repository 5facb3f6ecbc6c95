import { expect, test } from 'vitest'
import { PROBLEM_TYPES, problemType } from '../../src/http/errors.js'

test('each status this API answers has a problem type of its own', () => {
  for (const status of [400, 404, 406, 429, 500, 503]) {
    expect(problemType(status)).toEqual({ type: `/problems/${PROBLEM_TYPES[status]!.slug}`, title: PROBLEM_TYPES[status]!.title })
  }
})

test('any status without a type of its own is about:blank with its reason phrase (RFC 9457 §4.2.1)', () => {
  expect(problemType(405)).toEqual({ type: 'about:blank', title: 'Method Not Allowed' })
  expect(problemType(414)).toEqual({ type: 'about:blank', title: 'URI Too Long' })
  expect(problemType(431)).toEqual({ type: 'about:blank', title: 'Request Header Fields Too Large' })
  expect(problemType(501)).toEqual({ type: 'about:blank', title: 'Not Implemented' })
})

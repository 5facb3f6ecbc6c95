import { z } from 'zod'
import { ID_MAX_LENGTH } from './identifier.js'

export const problemSchema = z
  .object({
    type: z.string().describe('A URI reference naming the kind of problem; `/problems/{code}` describes it.'),
    title: z.string().describe('Short, human-readable summary of the kind of problem.'),
    status: z.int().describe('The HTTP status code.'),
    detail: z.string().describe('What went wrong with this request, in plain words.'),
    instance: z.string().describe('The path and query of the request that failed.'),
    errors: z
      .array(
        z.object({
          in: z.enum(['query', 'path', 'header']),
          name: z.string().describe('The parameter at fault.'),
          message: z.string()
        })
      )
      .optional()
      .describe('For validation errors: one entry per fault, the first five; `detail` ends with "and N more" when there were more.')
  })
  .meta({
    id: 'Problem',
    description: 'An RFC 9457 problem details object (`application/problem+json`).',
    examples: [
      {
        type: '/problems/invalid-parameter',
        title: 'Invalid parameter',
        status: 400,
        detail: 'category "labour" is not a category; valid values: prosecution, protection, prevention',
        instance: '/v1/facts?category=labour',
        errors: [{ in: 'query', name: 'category', message: 'unknown value "labour"' }]
      }
    ]
  })

export type Problem = z.infer<typeof problemSchema>

/** Response entries for the error statuses a route can answer, all sharing one shape. */
export function problemResponses<const S extends readonly ProblemStatus[]>(...statuses: S) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: PROBLEM_DESCRIPTIONS[status], content: { 'application/problem+json': { schema: problemSchema } } }
    ])
  ) as {
    [K in S[number]]: {
      description: string
      content: { 'application/problem+json': { schema: typeof problemSchema } }
    }
  }
}

const PROBLEM_DESCRIPTIONS = {
  400: 'Invalid parameters: the problem names each one.',
  404: 'No such resource.',
  406: 'The Accept header allows no media type this endpoint produces.',
  414: `A path segment is longer than any identifier (${ID_MAX_LENGTH} characters).`,
  429: 'Too many requests from this client; retry after `Retry-After` seconds.',
  500: 'The server failed.',
  503: 'The server is overloaded or its database is not ready: retry after `Retry-After` seconds.'
} as const

type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS

import { writeFileSync } from 'node:fs'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp } from '../helpers/build-test-app.js'
import { FindingLog, hostileRequestsProperty, runsPerOperation, strictIntegersProperty, validRequestsProperty, type FuzzTarget } from './api-properties.js'
import { COUNTEREXAMPLES } from './counterexamples.js'
import { readKnownValues } from './known-values.js'
import { loadContract } from './openapi-contract.js'
import { hasIntegerParameters } from './request-arbitraries.js'

// `npm run fuzz -- --runs N` sets these; `npm test` runs the default 1,500 cases, four in five hostile,
// plus 40 misspelled integers per operation that takes integers and the known counterexamples.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500)
const HOSTILE_RUNS = Math.round(RUNS * 0.8)
const VALID_RUNS = RUNS - HOSTILE_RUNS
const STRICT_RUNS = Math.max(40, Math.round(RUNS / 50))
const REPORT_PATH = process.env.FUZZ_REPORT
// `npm test` asks the same cases every time (no flaky CI); a long run draws a seed and prints it
const SEED = Number(process.env.FUZZ_SEED ?? 20261128)

const contract = loadContract()
const hostileRuns = runsPerOperation(contract.operations, HOSTILE_RUNS)
const validRuns = runsPerOperation(contract.operations, VALID_RUNS)
// a long run logs every finding instead of stopping at the first
const log = REPORT_PATH ? new FindingLog() : undefined
const timeout = (runs: number) => 30_000 + runs * 50

let app: FastifyInstance
let target: FuzzTarget

beforeAll(async () => {
  app = await buildTestApp()
  target = { app, contract, known: await readKnownValues(app), log }
})

afterAll(async () => {
  await app?.close()
  if (log && REPORT_PATH) writeFileSync(REPORT_PATH, JSON.stringify({ cases: log.cases, findings: [...log.findings.values()] }, null, 2))
})

describe('every operation of the committed OpenAPI document', () => {
  it('lists the operations the service serves', () => {
    expect(contract.operations.map((o) => o.operationId)).toEqual(expect.arrayContaining(['listFacts', 'getFact', 'getFactFacets', 'exportFacts', 'getSourceText', 'getMeta', 'getLiveness']))
  })

  describe.each(contract.operations.map((o) => [o.operationId, o] as const))('%s', (_, operation) => {
    it('answers any request within its contract: no 5xx, a declared status, a valid body, no leaks', { timeout: timeout(hostileRuns.get(operation)!) }, async () => {
      const examples = (COUNTEREXAMPLES[operation.operationId] ?? []).map((request) => [request] as [typeof request])
      await fc.assert(hostileRequestsProperty(target, operation), { numRuns: hostileRuns.get(operation)!, seed: SEED, examples })
    })

    it('answers requests made of known values with 200', { timeout: timeout(validRuns.get(operation)!) }, async () => {
      await fc.assert(validRequestsProperty(target, operation), { numRuns: validRuns.get(operation)!, seed: SEED })
    })

    it.runIf(hasIntegerParameters(operation))('refuses integers not spelled in decimal digits', async () => {
      await fc.assert(strictIntegersProperty(target, operation)!, { numRuns: STRICT_RUNS, seed: SEED })
    })
  })

  it.runIf(log)('finds nothing over the whole long run', () => {
    // the findings themselves are in the report npm run fuzz prints
    expect(log!.findings.size).toBe(0)
  })
})

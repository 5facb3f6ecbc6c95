import type { FastifyInstance } from 'fastify'
import type { OpenAPIV3_1 } from 'openapi-types'
import { afterAll, beforeAll, expect, test } from 'vitest'
import Database from 'better-sqlite3'
import { createFactsRepository } from '../../src/repositories/facts/facts-repository.js'
import { factSchema } from '../../src/schemas/fact.js'
import { toQuery } from '../helpers/fixture-oracle.js'
import { startShippedApp, type ShippedApp } from './shipped-app.js'

// The docs show the shipped data as the API really serves it, and "Try it out" with the
// documented examples finds it: examples are not invented values that match nothing.
const example = (factSchema.meta()?.examples as unknown[] | undefined)?.[0] as { id: string }
let shipped: ShippedApp
let app: FastifyInstance

beforeAll(async () => {
  shipped = await startShippedApp()
  app = shipped.app
})
afterAll(() => shipped.close())

test('the Fact example in the OpenAPI document is a shipped fact, exactly as served', () => {
  const db = new Database(shipped.databasePath, { readonly: true })
  expect(createFactsRepository(db).findById(example.id)).toEqual(example)
  db.close()
})

test.each(['listFacts', 'getFactFacets', 'exportFacts'])('%s with every parameter example finds the example fact', async (operationId) => {
  const document = app.swagger() as OpenAPIV3_1.Document
  const operation = Object.values(document.paths ?? {})
    .map((item) => item?.get)
    .find((op) => op?.operationId === operationId)!
  const examples = Object.fromEntries(
    (operation.parameters as OpenAPIV3_1.ParameterObject[]).filter((p) => p.example !== undefined).map((p) => [p.name, p.example])
  )
  expect(Object.keys(examples)).toEqual(expect.arrayContaining(['year', 'category', 'form', 'actor', 'country', 'q']))
  const path = Object.entries(document.paths ?? {}).find(([, item]) => item?.get === operation)![0]
  const response = await app.inject(`${path}?${toQuery(examples)}`)
  expect(response.statusCode, response.body).toBe(200)
  if (operationId === 'getFactFacets') expect(response.json().year).toEqual([{ value: 2013, count: 1 }])
  else expect(response.body).toContain(example.id)
})

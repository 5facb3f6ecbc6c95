import { readFileSync } from 'node:fs'
import SwaggerParser from '@apidevtools/swagger-parser'
import type { FastifyInstance } from 'fastify'
import type { OpenAPIV3_1 } from 'openapi-types'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { OPENAPI_FILE, renderOpenapi } from '../../src/openapi/render-openapi.js'
import { TYPES_FILE, renderTypes } from '../../src/openapi/render-types.js'
import { startShippedApp, type ShippedApp } from './shipped-app.js'

let shipped: ShippedApp
let app: FastifyInstance
let document: OpenAPIV3_1.Document
beforeAll(async () => {
  shipped = await startShippedApp()
  app = shipped.app
  document = app.swagger() as OpenAPIV3_1.Document
})
afterAll(() => shipped.close())

const operations = () =>
  Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => ({ path, method, op: op as OpenAPIV3_1.OperationObject }))
  )

describe('the OpenAPI document', () => {
  test('the committed openapi/openapi.json is what the app generates (run `npm run openapi`)', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderOpenapi(app))
  })

  test('the committed openapi/openapi.d.ts holds the types of the committed document (run `npm run openapi`)', async () => {
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(await renderTypes(readFileSync(OPENAPI_FILE, 'utf8')))
  })

  test('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0')
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined()
  })

  test('documents every path of the contract, and only those', () => {
    expect(Object.keys(document.paths ?? {}).sort()).toEqual(
      [
        '/healthz', '/readyz', '/v1/actors', '/v1/actors/{id}', '/v1/categories', '/v1/categories/{slug}',
        '/v1/facts', '/v1/facts/export', '/v1/facts/facets', '/v1/facts/{id}', '/v1/facts/{id}/citation', '/v1/forms', '/v1/forms/{slug}', '/v1/meta',
        '/v1/sources', '/v1/sources/{id}', '/v1/sources/{id}/text', '/v1/years', '/v1/units', '/v1/units/{slug}', '/v1/flags', '/v1/flags/{slug}'
      ].sort()
    )
  })

  test('every operation and every response is described in words of its own', () => {
    for (const { path, method, op } of operations()) {
      expect(op.description, `${method} ${path}`).toBeTruthy()
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if ('$ref' in response) continue
        expect(response.description, `${method} ${path} ${status}`).toBeTruthy()
        expect(response.description, `${method} ${path} ${status}`).not.toBe('Default Response')
      }
    }
  })

  test('every operation has a unique operationId, a summary, a tag and described parameters', () => {
    const ids = operations().map(({ op }) => op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { path, method, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/)
      expect(op.summary, where).toBeTruthy()
      expect(op.tags?.length, where).toBe(1)
      const parameters = (op.parameters ?? []).map((p) => ('$ref' in p ? document.components!.parameters![p.$ref.split('/').pop()!]! : p))
      for (const parameter of parameters as OpenAPIV3_1.ParameterObject[]) {
        expect(parameter.description, `${where} ${parameter.name}`).toBeTruthy()
      }
    }
  })

  test('every operation documents its success and its problem responses as application/problem+json', () => {
    for (const { path, method, op } of operations()) {
      const responses = op.responses as Record<string, OpenAPIV3_1.ResponseObject>
      expect(responses['200'], `${method} ${path}`).toBeDefined()
      const errors = Object.entries(responses).filter(([status]) => Number(status) >= 400)
      // only liveness has no error of its own to document: it answers whenever the process runs
      if (path !== '/healthz') expect(errors.length, `${method} ${path}`).toBeGreaterThan(0)
      for (const [, response] of errors) {
        expect(response.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' })
      }
    }
  })

  test('the schemas of the contract carry realistic examples', () => {
    const schemas = document.components?.schemas ?? {}
    expect((schemas.Fact as { examples?: unknown[] }).examples?.length).toBeGreaterThan(0)
    expect((schemas.Problem as { examples?: unknown[] }).examples?.length).toBeGreaterThan(0)
    const listFacts = operations().find(({ op }) => op.operationId === 'listFacts')!.op
    const year = (listFacts.parameters as OpenAPIV3_1.ParameterObject[]).find((p) => p.name === 'year')!
    expect(year.schema).toMatchObject({ type: 'array', items: { type: 'integer' } })
    expect(year.example).toEqual([2013])
  })

  test('is served at /openapi.json', async () => {
    const response = await app.inject('/openapi.json')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual(JSON.parse(renderOpenapi(app)))
  })
})

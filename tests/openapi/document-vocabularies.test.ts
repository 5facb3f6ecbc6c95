import { readdirSync, readFileSync } from 'node:fs'
import type { OpenAPIV3_1 } from 'openapi-types'
import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'
import { OPENAPI_FILE } from '../../src/openapi/render-openapi.js'

// The committed document, which the currency test ties to the shipped data: what clients and
// fuzzers read. The expected terms come straight from the shipped YAML, in curated order.
const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as OpenAPIV3_1.Document
const slugs = (file: string) => (parse(readFileSync(`db/vocabularies/${file}.yaml`, 'utf8')) as { slug: string }[]).map((t) => t.slug)
const vocabularies = {
  categories: slugs('categories'), forms: slugs('forms'), actorTypes: slugs('actor-types'), units: slugs('units'), flags: slugs('flags')
}

const actorIds = (parse(readFileSync('db/vocabularies/actors.yaml', 'utf8')) as { id: string }[]).map((a) => a.id)
const sourceIds = readdirSync('db/sources').filter((f) => f.endsWith('.yaml') && !f.endsWith('.skipped.yaml')).map((f) => (parse(readFileSync(`db/sources/${f}`, 'utf8')) as { id: string }).id).sort()

type Schema = OpenAPIV3_1.SchemaObject
const schemas = document.components!.schemas as Record<string, Schema>
const property = (schema: string, name: string) => schemas[schema]!.properties![name] as Schema
const items = (schema: Schema) => (schema as OpenAPIV3_1.ArraySchemaObject).items as Schema
const operation = (operationId: string) =>
  Object.values(document.paths!).map((item) => item!.get!).find((op) => op.operationId === operationId)!
const parameter = (operationId: string, name: string) =>
  (operation(operationId).parameters as OpenAPIV3_1.ParameterObject[]).find((p) => p.name === name)!.schema as Schema

describe('closed vocabularies are enums of the shipped terms (after changing db/vocabularies, run `npm run openapi`)', () => {
  test.each(['listFacts', 'getFactFacets', 'exportFacts'])('%s: category, form and actorType', (operationId) => {
    expect(items(parameter(operationId, 'category')).enum).toEqual(vocabularies.categories)
    expect(items(parameter(operationId, 'form')).enum).toEqual(vocabularies.forms)
    expect(parameter(operationId, 'actorType').enum).toEqual(vocabularies.actorTypes)
  })

  test('/v1/actors?type, Actor.type and ActorRef.type', () => {
    expect(parameter('listActors', 'type').enum).toEqual(vocabularies.actorTypes)
    expect(property('Actor', 'type').enum).toEqual(vocabularies.actorTypes)
    expect(property('ActorRef', 'type').enum).toEqual(vocabularies.actorTypes)
  })

  test("a Fact's categories and forms, and their echo in a page's query", () => {
    expect(items(property('Fact', 'categories')).enum).toEqual(vocabularies.categories)
    expect(items(property('Fact', 'forms')).enum).toEqual(vocabularies.forms)
    expect(items(property('QueryEcho', 'category')).enum).toEqual(vocabularies.categories)
    expect(items(property('QueryEcho', 'form')).enum).toEqual(vocabularies.forms)
    expect(property('QueryEcho', 'actorType').enum).toEqual(vocabularies.actorTypes)
  })

  test.each(['listFacts', 'getFactFacets', 'exportFacts'])('%s: unit, flag and excludeFlag', (operationId) => {
    expect(items(parameter(operationId, 'unit')).enum).toEqual(vocabularies.units)
    expect(items(parameter(operationId, 'flag')).enum).toEqual(vocabularies.flags)
    expect(items(parameter(operationId, 'excludeFlag')).enum).toEqual(vocabularies.flags)
  })

  test("a Figure's unit; a Fact's flags stay strings, since conflicts-with names a fact after a colon", () => {
    expect(property('Figure', 'unit').enum).toEqual(vocabularies.units)
    expect(items(property('Fact', 'flags')).enum).toBeUndefined()
  })

  test.each(['listFacts', 'getFactFacets', 'exportFacts'])('%s: actor and source, from the shipped actors and sources', (operationId) => {
    expect(items(parameter(operationId, 'actor')).enum).toEqual(actorIds.sort())
    expect(parameter(operationId, 'source').enum).toEqual(sourceIds)
    expect(JSON.stringify(document)).not.toContain('x-vocabulary')
  })

  test('country has no enum (any code, either case), and its description says why', () => {
    const country = (operation('listFacts').parameters as OpenAPIV3_1.ParameterObject[]).find((p) => p.name === 'country')!
    expect((country.schema as Schema).enum).toBeUndefined()
    expect(country.description).toMatch(/no `enum`/)
  })
})

test('hasFigures is a boolean both ways: the parameter and its echo', () => {
  expect(parameter('listFacts', 'hasFigures')).toEqual({ type: 'boolean' })
  expect(property('QueryEcho', 'hasFigures')).toEqual({ type: 'boolean' })
})

test('text, CSV and NDJSON answers declare their media types, as strings', () => {
  const content = (operationId: string) => (operation(operationId).responses!['200'] as OpenAPIV3_1.ResponseObject).content!
  expect(Object.keys(content('getSourceText'))).toEqual(['text/plain'])
  expect(Object.keys(content('exportFacts'))).toEqual(['text/csv', 'application/x-ndjson'])
  for (const media of [...Object.values(content('getSourceText')), ...Object.values(content('exportFacts'))]) {
    expect(media.schema).toMatchObject({ type: 'string' })
  }
})

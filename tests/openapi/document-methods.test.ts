import { readFileSync } from 'node:fs'
import type { OpenAPIV3_1 } from 'openapi-types'
import { expect, test } from 'vitest'
import { OPENAPI_FILE } from '../../src/openapi/render-openapi.js'
import { buildTestApp } from '../helpers/build-test-app.js'

// What the document says of HTTP itself, checked against what the server does.
const document = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8')) as OpenAPIV3_1.Document

test('If-None-Match says that * turns every would-be 200 into a 304, and the server does so', async () => {
  const parameter = document.components!.parameters!.IfNoneMatch as OpenAPIV3_1.ParameterObject
  expect(parameter.description).toMatch(/`\*` matches any current representation/)
  const app = await buildTestApp()
  expect((await app.inject({ url: '/v1/facts?limit=1', headers: { 'if-none-match': '*' } })).statusCode).toBe(304)
  await app.close()
})

test('HEAD and OPTIONS are documented for every path, as the server answers them', async () => {
  expect(document.info.description).toMatch(/answers `HEAD` too/)
  expect(document.info.description).toMatch(/`OPTIONS`\s+\(204 with `Allow: GET, HEAD, OPTIONS`/)
  const app = await buildTestApp()
  const head = await app.inject({ method: 'HEAD', url: '/v1/facts?limit=1' })
  expect(head.statusCode).toBe(200)
  expect(head.body).toBe('')
  const options = await app.inject({ method: 'OPTIONS', url: '/v1/facts' })
  expect(options.statusCode).toBe(204)
  expect(options.headers.allow).toBe('GET, HEAD, OPTIONS')
  await app.close()
})

import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { OpenAPIV3_1 } from 'openapi-types'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { HEADERS } from '../../src/openapi/response-headers.js'
import { startShippedApp, type ShippedApp } from './shipped-app.js'

// What the document promises about status codes, headers and media types, checked against what
// the server answers on every documented operation, with rate limiting on as it is deployed.
let shipped: ShippedApp
let app: FastifyInstance
let document: OpenAPIV3_1.Document
beforeAll(async () => {
  shipped = await startShippedApp({ RATE_LIMIT_MAX: '1000' })
  app = shipped.app
  document = app.swagger() as OpenAPIV3_1.Document
})
afterAll(() => shipped.close())

type Response = OpenAPIV3_1.ResponseObject
const resolve = <T>(item: T | OpenAPIV3_1.ReferenceObject): T => {
  if (!item || typeof item !== 'object' || !('$ref' in item)) return item as T
  const [, , kind, name] = item.$ref.split('/') as [string, string, 'responses' | 'parameters' | 'headers', string]
  return (document.components![kind] as Record<string, T>)[name]!
}

const operations = () =>
  Object.entries(document.paths ?? {}).map(([path, item]) => {
    const op = item!.get!
    const parameters = (op.parameters ?? []).map((p) => resolve<OpenAPIV3_1.ParameterObject>(p))
    // every path parameter has an example that names something that exists
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => String(parameters.find((p) => p.name === name)!.example))
    return { id: op.operationId!, url, op, parameters }
  })

const known = new Set(Object.keys(HEADERS).map((name) => name.toLowerCase()))

/** The sent headers this API documents are documented on this response; its required ones were sent. */
function expectHeadersDocumented(where: string, response: LightMyRequestResponse, documented: Response) {
  const names = Object.keys(documented.headers ?? {})
  const sent = Object.keys(response.headers).filter((name) => known.has(name))
  expect(sent.length, where).toBeGreaterThan(0)
  expect(sent.sort(), `${where}: sent but not documented`).toEqual(
    sent.filter((name) => names.some((n) => n.toLowerCase() === name)).sort()
  )
  for (const name of names) {
    if (resolve<OpenAPIV3_1.HeaderObject>(documented.headers![name]!).required) {
      expect(response.headers[name.toLowerCase()], `${where}: required ${name} missing`).toBeDefined()
    }
  }
}

describe('every documented operation answers as documented', () => {
  test('200: a documented media type, with its documented headers', async () => {
    for (const { id, url, op } of operations()) {
      const response = await app.inject(url)
      expect(response.statusCode, id).toBe(200)
      const documented = resolve<Response>(op.responses!['200']!)
      const mediaType = String(response.headers['content-type']).split(';')[0]!
      expect(Object.keys(documented.content ?? {}), id).toContain(mediaType)
      expectHeadersDocumented(`${id} 200`, response, documented)
    }
  })

  test('304 exactly where documented, with If-None-Match documented beside it', async () => {
    for (const { id, url, op, parameters } of operations()) {
      const etag = (await app.inject(url)).headers.etag
      const response = await app.inject({ url, headers: { 'if-none-match': '*' } })
      const documented = op.responses!['304']
      expect(response.statusCode === 304, id).toBe(documented !== undefined)
      expect(parameters.some((p) => p.in === 'header' && p.name === 'If-None-Match'), id).toBe(documented !== undefined)
      expect(etag !== undefined, `${id}: an ETag to revalidate with`).toBe(documented !== undefined)
      if (documented) expectHeadersDocumented(`${id} 304`, response, resolve<Response>(documented))
    }
  })

  test('errors carry their documented headers: a 406 on every operation, a 429 once the limit is spent', async () => {
    for (const { id, url, op } of operations()) {
      const response = await app.inject({ url, headers: { accept: 'image/png' } })
      expect(response.statusCode, id).toBe(406)
      expectHeadersDocumented(`${id} 406`, response, resolve<Response>(op.responses!['406']!))
    }
    const getMeta = operations().find((o) => o.id === 'getMeta')!
    // one client past RATE_LIMIT_MAX, from an address of its own
    let response: LightMyRequestResponse | undefined
    for (let i = 0; i <= 1000; i++) response = await app.inject({ url: getMeta.url, remoteAddress: '192.0.2.1' })
    expect(response!.statusCode).toBe(429)
    expect(response!.headers['retry-after']).toBeDefined()
    expectHeadersDocumented('getMeta 429', response!, resolve<Response>(getMeta.op.responses!['429']!))
  })

  test('the route-specific headers: Link on a page that has a next one, Content-Disposition on the export', async () => {
    const page = await app.inject('/v1/facts?limit=1')
    expect(page.headers.link).toMatch(/; rel="next"$/)
    const exported = await app.inject('/v1/facts/export?format=ndjson')
    expect(exported.headers['content-disposition']).toBe('attachment; filename="facts.ndjson"')
    const byId = Object.fromEntries(operations().map((o) => [o.id, o.op]))
    expect(Object.keys(resolve<Response>(byId.listFacts!.responses!['200']!).headers!)).toContain('Link')
    expect(Object.keys(resolve<Response>(byId.exportFacts!.responses!['200']!).headers!)).toContain('Content-Disposition')
  })
})

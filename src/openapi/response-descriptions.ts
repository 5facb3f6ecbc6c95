import type { OpenAPIV3_1 } from 'openapi-types'

// What @fastify/swagger writes when it cannot find a description: it looks for one on the
// response's schema before the zod schemas become components, so it never finds theirs.
const PLACEHOLDER = 'Default Response'

/**
 * Describes each response that returns a named schema by that schema's own description, so no
 * response reads "Default Response"; a response with neither is a mistake, reported at once.
 */
export function describeResponses<D>(document: D): D {
  const doc = structuredClone(document) as OpenAPIV3_1.Document
  const schemas = doc.components?.schemas ?? {}
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [status, response] of Object.entries(item?.get?.responses ?? {})) {
      if ('$ref' in response || response.description !== PLACEHOLDER) continue
      const refs = Object.values(response.content ?? {}).map((media) => (media.schema as { $ref?: string } | undefined)?.$ref)
      const name = refs.length === 1 ? refs[0]?.replace('#/components/schemas/', '') : undefined
      const description = name === undefined ? undefined : schemas[name]?.description
      if (!description) throw new Error(`GET ${path} ${status}: describe the response or the schema it returns`)
      response.description = description
    }
  }
  return doc as D
}

import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'
import { documentHttp, operationTraits } from '../../openapi/document-http.js'
import { pruneUnusedInputSchemas } from '../../openapi/prune-input-schemas.js'
import { describeResponses } from '../../openapi/response-descriptions.js'
import type { OperationTraits } from '../../openapi/response-headers.js'
import { addVocabularyEnums } from '../../openapi/vocabulary-enums.js'
import { API_VERSION } from '../../version.js'

export const DOCS_PREFIX = '/docs'

const description = `Source-linked facts about human trafficking: what governments did (prosecution, protection,
prevention), how many people are affected, who was involved. Every fact carries the exact words of the
report it came from (\`evidence[].quote\`) and their offsets in the source text, so any claim can be checked
against \`/v1/sources/{id}/text?start=…&end=…\`.

Errors are RFC 9457 problem details (\`application/problem+json\`). Responses carry an \`ETag\` derived
from the dataset version; the dataset is immutable per release, so sending it back in \`If-None-Match\`
answers 304 without a body. The API is public and read-only: no authentication.

Every path listed answers \`HEAD\` too (the headers its \`GET\` would send, no body) and \`OPTIONS\`
(204 with \`Allow: GET, HEAD, OPTIONS\` and the CORS headers). They are not listed per path: each is
defined by HTTP itself from the \`GET\` (RFC 9110 §9.3.2, §9.3.7), and listing them would double every
operation of a generated client for no data; a validating proxy should let both through for any path here.
Any other method is a 405 problem with \`Allow\`.`

/**
 * The OpenAPI 3.1 document is generated from the routes' zod schemas, completed with what they
 * cannot say (headers, 304s, the data's vocabularies); /docs serves it offline.
 */
export default fp(
  async function openapi(app: FastifyInstance) {
    const traits = new Map<string, OperationTraits>()
    app.addHook('onRoute', (route) => {
      const found = operationTraits(route)
      if (found) traits.set(...found)
    })
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Trafficking facts API',
          version: API_VERSION,
          description,
          license: { name: 'Data: CC BY 4.0; quoted text remains its authors\'', identifier: 'CC-BY-4.0' },
          contact: { name: 'Trafficking facts API maintainers' }
        },
        // relative: the server that serves the document, wherever it runs; what /docs calls
        servers: [{ url: '/', description: 'The server this document is served from' }],
        security: [],
        tags: [
          { name: 'facts', description: 'Curated claims with their evidence' },
          { name: 'vocabularies', description: 'Categories, forms of exploitation, units, curation flags, actors and years' },
          { name: 'sources', description: 'The reports facts are taken from' },
          { name: 'dataset', description: 'Dataset version and counts' },
          { name: 'health', description: 'Liveness and readiness for orchestrators' }
        ]
      },
      transform: createJsonSchemaTransform({ skipList: [`${DOCS_PREFIX}/*`, DOCS_PREFIX, `${DOCS_PREFIX}/`, '/openapi.json'] }),
      // called once, at the first request for the document: the database is open by then
      transformObject: (document) => {
        const generated = pruneUnusedInputSchemas(jsonSchemaTransformObject(document))
        return documentHttp(describeResponses(addVocabularyEnums(generated, app.dataset.vocabularies)), traits)
      }
    })
    await app.register(swaggerUi, {
      routePrefix: DOCS_PREFIX,
      // swagger-ui's own policy, less what fails here: `upgrade-insecure-requests` sends every asset
      // and API call to https, a blank page wherever the service is reached over plain http other
      // than on localhost; and Swagger UI's logo SVG carries one inline <style> (its hash below).
      // Every asset is the app's own: no `https:` sources.
      staticCSP: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='"]
      },
      uiConfig: { deepLinking: true, defaultModelsExpandDepth: 0, tryItOutEnabled: true }
    })
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger())
  },
  { name: 'openapi' }
)

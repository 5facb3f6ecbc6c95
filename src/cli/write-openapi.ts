import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import Fastify from 'fastify'
import app, { serverOptions } from '../app.js'
import { loadConfig } from '../config/config.js'
import { OPENAPI_FILE, renderOpenapi } from '../openapi/render-openapi.js'
import { TYPES_FILE, renderTypes } from '../openapi/render-types.js'

// `npm run openapi`: regenerate the committed document from the routes' zod schemas and the
// shipped data's vocabularies, then the client types from that document.
const config = { ...loadConfig(), LOG_LEVEL: 'silent' as const }
const server = Fastify(serverOptions(config))
await server.register(app, config)
await server.ready()
const document = renderOpenapi(server)
await server.close()
mkdirSync(dirname(OPENAPI_FILE), { recursive: true })
writeFileSync(OPENAPI_FILE, document)
console.log(`wrote ${OPENAPI_FILE}`)
writeFileSync(TYPES_FILE, await renderTypes(document))
console.log(`wrote ${TYPES_FILE}`)

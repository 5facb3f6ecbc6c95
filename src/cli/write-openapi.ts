import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import Fastify from 'fastify'
import app, { serverOptions } from '../app.js'
import { loadConfig } from '../config/config.js'
import { OPENAPI_FILE, renderOpenapi } from '../openapi/render-openapi.js'

// `npm run openapi`: regenerate the committed document from the routes' zod schemas.
const config = { ...loadConfig(), LOG_LEVEL: 'silent' as const }
const server = Fastify(serverOptions(config))
await server.register(app, config)
await server.ready()
mkdirSync(dirname(OPENAPI_FILE), { recursive: true })
writeFileSync(OPENAPI_FILE, renderOpenapi(server))
await server.close()
console.log(`wrote ${OPENAPI_FILE}`)

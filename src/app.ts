import accepts from '@fastify/accepts'
import type { FastifyHttpOptions, FastifyInstance } from 'fastify'
import type { Server } from 'node:http'
import fp from 'fastify-plugin'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { Config } from './config/config.js'
import closeConnections from './plugins/app/close-connections.js'
import { ID_MAX_LENGTH } from './schemas/identifier.js'
import { answerClientError, answerFrameworkError } from './http/framework-errors.js'
import { parseQueryString } from './http/query-string.js'
import { originForm } from './http/request-target.js'
import { RequestLog } from './http/request-log.js'
import contentNegotiation from './plugins/app/content-negotiation.js'
import database from './plugins/app/database.js'
import httpCaching from './plugins/app/http-caching.js'
import problemDetails from './plugins/app/problem-details.js'
import publicBaseUrl from './plugins/app/public-base-url.js'
import queryStringChecks from './plugins/app/query-string-checks.js'
import requestFraming from './plugins/app/request-framing.js'
import requestIdHeader, { requestId } from './plugins/app/request-id.js'
import responseCache from './plugins/app/response-cache.js'
import compression from './plugins/external/compression.js'
import loadShedding from './plugins/external/load-shedding.js'
import metrics from './plugins/external/metrics.js'
import openapi from './plugins/external/openapi.js'
import rateLimiting from './plugins/external/rate-limit.js'
import security from './plugins/external/security.js'
import htmlPages from './plugins/app/html-pages.js'
import mcpRoute from './mcp/mcp-route.js'
import healthRoutes from './routes/health-routes.js'
import metricsRoute from './routes/metrics-route.js'
import problemsRoute from './routes/problems-route.js'
import factCitationRoute from './routes/v1/facts/fact-citation-route.js'
import factsExportRoute from './routes/v1/facts/facts-export-route.js'
import factsRoutes from './routes/v1/facts/facts-routes.js'
import metaRoute from './routes/v1/meta-route.js'
import sourcesRoutes from './routes/v1/sources-routes.js'
import vocabulariesRoutes from './routes/v1/vocabularies-routes.js'
// last: its modules load schemas the API's routes load first, in the order the document lists them
import explorerPages from './routes/explorer/explorer-pages.js'

/** Server options the app relies on; run-server.ts and the tests both create Fastify with them. */
export function serverOptions(config: Config): FastifyHttpOptions<Server> {
  return {
    // a path segment longer than any id is a 414, where the document says the longest id ends
    routerOptions: { querystringParser: parseQueryString, ignoreTrailingSlash: true, maxParamLength: ID_MAX_LENGTH },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // not `requestIdHeader`: Fastify would take that header as it comes; genReqId checks it
    genReqId: requestId,
    logController: new RequestLog(),
    trustProxy: config.TRUST_PROXY,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    // a request that reaches a closing server on a kept-alive connection is still answered
    // (with Connection: close, as Fastify adds), rather than refused with Fastify's own 503 body
    return503OnClosing: false,
    // answers built from the URL never repeat a host from an absolute-form request target
    rewriteUrl: originForm,
    // a request without Host gets a problem from request-framing.ts, not Node's bare 400
    http: { requireHostHeader: false }
  }
}

/** The whole service as one plugin: external plugins, then app plugins, then routes. */
export default fp(
  async function app(app: FastifyInstance, config: Config) {
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(serializerCompiler)

    await app.register(problemDetails)
    await app.register(closeConnections)
    // before any hook that may answer early (CORS preflight, rate limit): those answers carry
    // the request id and are counted too
    await app.register(requestIdHeader)
    await app.register(metrics)
    await app.register(requestFraming)
    await app.register(security)
    await app.register(compression)
    await app.register(rateLimiting, config)
    await app.register(accepts)
    await app.register(openapi)

    await app.register(database, config)
    // after the database opens: a build at start blocks the event loop, and that delay must
    // not count as pressure once the server listens
    await app.register(loadShedding, config)
    await app.register(httpCaching, config)
    await app.register(publicBaseUrl, config)
    await app.register(queryStringChecks)
    await app.register(contentNegotiation)
    await app.register(responseCache, { maxBytes: config.RESPONSE_CACHE_MB * 1024 * 1024 })
    await app.register(htmlPages)

    await app.register(healthRoutes)
    await app.register(metricsRoute)
    await app.register(problemsRoute)
    await app.register(factsRoutes)
    await app.register(factsExportRoute)
    await app.register(factCitationRoute)
    await app.register(vocabulariesRoutes)
    await app.register(sourcesRoutes)
    await app.register(metaRoute)
    await app.register(explorerPages)
    await app.register(mcpRoute)
  },
  { name: 'trafficking-facts-app' }
)

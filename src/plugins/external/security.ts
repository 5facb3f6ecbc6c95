import type { IncomingMessage, ServerResponse } from 'node:http'
import cors from '@fastify/cors'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'
import { MCP_PATH } from '../../mcp/mcp-path.js'

const HELMET_OPTIONS: HelmetOptions = {
  // other sites' pages and apps embed this data: let browsers hand it to them
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  // API answers are data, never pages: nothing may load from them (OWASP REST guidance).
  // /docs sets its own policy for its bundled assets (see openapi.ts).
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } }
}

/**
 * The headers helmet sets, computed once: they depend on the options only, never on the
 * request, and running helmet per request re-parsed its CSP directives every time (~47 µs of
 * the hot path's CPU, measured with --cpu-prof).
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()]
  }
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {})
  return headers
}

/** The security headers of every answer, errors answered before any route included. */
export const SECURITY_HEADERS = helmetHeaders(HELMET_OPTIONS)

const API_CORS = {
  origin: '*',
  methods: ['GET', 'HEAD', 'OPTIONS'],
  exposedHeaders: ['ETag', 'Link', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'X-Request-Id'],
  maxAge: 86_400,
  // a bare OPTIONS (no preflight headers) asks which methods a path allows: answer it,
  // rather than refusing it as a malformed preflight in text/plain
  strictPreflight: false
}
const MCP_CORS = { ...API_CORS, methods: ['POST', 'OPTIONS'] }
// on every request: a prefix test, no parsing (`/mcp`, `/mcp/`, `/mcp?…`)
const isMcpPath = (url: string | undefined) =>
  url !== undefined && url.startsWith(MCP_PATH) && (url.length === MCP_PATH.length || url[MCP_PATH.length] === '/' || url[MCP_PATH.length] === '?')

/** Public, read-only data: any origin may read it; the usual security headers on every answer. */
export default fp(
  async function security(app: FastifyInstance) {
    // per path: /mcp takes POST from any origin too (a browser-based assistant's JSON-RPC calls)
    await app.register(cors, { delegator: (request, callback) => callback(null, isMcpPath(request.url) ? MCP_CORS : API_CORS) })
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(SECURITY_HEADERS)
      done()
    })
  },
  { name: 'security' }
)

import { randomUUID } from 'node:crypto'
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { sendProblem } from '../plugins/app/problem-details.js'
import { REQUEST_ID_HEADER } from '../plugins/app/request-id.js'
import { SECURITY_HEADERS } from '../plugins/external/security.js'
import { ID_MAX_LENGTH } from '../schemas/identifier.js'
import { echoed } from './echoed.js'

// What every error carries even when no route, and so none of the app's hooks, ever ran.
export const ERROR_HEADERS = { ...SECURITY_HEADERS, 'access-control-allow-origin': '*', 'cache-control': 'no-store' }

const FRAMEWORK_ERRORS: Record<string, { status: number; detail: (path: string) => string }> = {
  FST_ERR_BAD_URL: { status: 400, detail: (path) => `The path ${path} has a malformed percent-escape.` },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, detail: () => `A path segment is longer than the ${ID_MAX_LENGTH} characters any id here may have.` }
}

/**
 * Errors Fastify's router answers before a route is found (Fastify's `frameworkErrors`): the
 * same problem details as every other error, rather than Fastify's own JSON.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const known = FRAMEWORK_ERRORS[error.code]
  const path = echoed(request.url.split('?', 1)[0]!)
  reply.headers(ERROR_HEADERS).header(REQUEST_ID_HEADER, request.id)
  // no hook runs for these, the metrics' onResponse included
  reply.raw.once('finish', () => reply.server.metrics.count(request, reply))
  if (!known) {
    request.log.error({ err: error }, 'router failed')
    return sendProblem(request, reply, 500, 'The server failed to handle this request.')
  }
  return sendProblem(request, reply, known.status, known.detail(path))
}

const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request line and headers exceed 16 KB; shorten the query string.' },
  HPE_INVALID_METHOD: { status: 501, detail: 'The request method is not one HTTP defines; this API answers GET, HEAD and OPTIONS.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time.' }
}

/**
 * Requests Node's HTTP parser rejects never reach Fastify (its `clientErrorHandler`): answer
 * them on the socket as problem details with the usual headers, then close the connection,
 * whose remaining bytes can no longer be framed.
 */
export function answerClientError(error: ConnectionError, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  if (!socket.writable) return void socket.destroy()
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, detail: 'The request is not valid HTTP.' }
  writeProblem(socket, status, detail, requestTarget(error.rawPacket as unknown))
}

/**
 * CONNECT asks a proxy for a tunnel; Node hands it to the server's 'connect' listeners, and
 * without one closes the socket unanswered. This server is no proxy: a 501 problem.
 */
export function answerConnect(_request: IncomingMessage, socket: Duplex) {
  writeProblem(socket, 501, 'This server is not a proxy: CONNECT is not supported; this API answers GET, HEAD and OPTIONS.', '/')
}

/** A problem written on the socket itself, with the usual headers, then the connection closed. */
function writeProblem(socket: Duplex, status: number, detail: string, instance: string) {
  // none of these is about a parameter: each is HTTP's own status, so about:blank (RFC 9457 §4.2.1)
  const body = JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status, detail, instance })
  const headers = {
    ...ERROR_HEADERS,
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    [REQUEST_ID_HEADER]: randomUUID(),
    connection: 'close'
  }
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`)
}

// The path of the request line as far as it arrived, for the problem's `instance`.
// (Fastify types it as a Buffer's JSON form; Node hands the Buffer itself.)
function requestTarget(raw: unknown): string {
  if (!Buffer.isBuffer(raw)) return '/'
  const target = raw.subarray(0, 512).toString('latin1').split('\r\n', 1)[0]?.split(' ')[1]
  if (!target?.startsWith('/')) return '/'
  return echoed(target.split('?', 1)[0]!).replace(/[^\x21-\x7e]/g, '')
}

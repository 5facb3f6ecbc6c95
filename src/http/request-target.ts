import type { IncomingMessage } from 'node:http'

// scheme "://" authority, as an absolute-form request target begins (RFC 9112 §3.2.2)
const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i

/**
 * The request target in origin form: path and query. A client (or a proxy) may send the
 * absolute form, `GET http://host/v1/facts?limit=1`; Node keeps it as the URL, and every
 * answer built from the URL would then repeat a host the client chose (the `Link` header, a
 * problem's `instance`, the response cache's key) on answers that shared caches keep. Fastify
 * calls this (its `rewriteUrl`) before routing.
 */
export function originForm(request: IncomingMessage): string {
  const url = request.url ?? '/'
  if (url.charCodeAt(0) === 47 /* / */) return url
  const rest = url.replace(SCHEME_AND_AUTHORITY, '')
  if (rest === url) return url
  return rest.startsWith('/') ? rest : `/${rest}`
}

import { readFileSync } from 'node:fs'
import view from '@fastify/view'
import { Eta } from 'eta'
import type { FastifyInstance, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'

// Templates and assets sit beside the compiled code: src/views from src/, dist/views (copied
// by `npm run build`) from dist/.
export const VIEWS_DIR = new URL('../../views/', import.meta.url)

export const HTML_TYPE = 'text/html; charset=utf-8'

/**
 * The explorer's pages load styles and one script from this app and nothing else: no inline
 * script or style, no other host, forms submit here only.
 */
export const PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "script-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'"
].join('; ')

const ASSETS = {
  'explorer.css': 'text/css; charset=utf-8',
  'copy.js': 'text/javascript; charset=utf-8'
} as const

/** Server-rendered pages: eta templates (auto-escaping every value), and the pages' assets. */
export default fp(
  async function htmlPages(app: FastifyInstance) {
    // autoEscape is eta's default; stated, as the pages' safety rests on it
    const eta = new Eta({ views: VIEWS_DIR.pathname, autoEscape: true, autoTrim: [false, 'nl'], cache: true })
    // production: compiled templates are kept, whatever NODE_ENV says (they ship with the code;
    // re-reading and compiling them per request made a page cost 5× its API call)
    await app.register(view, { engine: { eta }, templates: VIEWS_DIR.pathname, production: true })

    for (const [name, type] of Object.entries(ASSETS)) {
      // read once: the assets ship with the code and never change while it runs
      const body = readFileSync(new URL(`assets/${name}`, VIEWS_DIR))
      app.get(`/assets/${name}`, { schema: { hide: true } }, async (_request, reply) => reply.type(type).send(body))
    }
  },
  { name: 'html-pages', dependencies: ['response-cache'] }
)

/** Renders a template and sends it; a 200 is kept by the response cache like a JSON answer. */
export async function sendPage(reply: FastifyReply, template: string, data: object, status = 200): Promise<FastifyReply> {
  const html = await reply.server.view(template, data)
  reply.code(status)
  if (status === 200) reply.server.responseCache.store(reply, html, HTML_TYPE)
  return reply.type(HTML_TYPE).send(html)
}

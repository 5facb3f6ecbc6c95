import type { FastifyInstance } from 'fastify'
import { PAGE_POLICY, sendPage } from '../../plugins/app/html-pages.js'
import { problemOf, type ProblemError } from '../../plugins/app/problem-details.js'
import { problemType } from '../../http/errors.js'
import explorerRoute from './explorer-route.js'
import factPageRoute from './fact-page-route.js'
import sourcePageRoute from './source-page-route.js'

/**
 * The explorer: HTML pages at their own paths (`/`, `/facts/:id`, `/sources/:id`), under a
 * page CSP, whose errors are pages saying the same as the API's problem details. Registered
 * without fastify-plugin, so its hooks and error handler stay with these routes.
 */
export default async function explorerPages(app: FastifyInstance) {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('content-security-policy', PAGE_POLICY)
    // A GET form sends its empty fields (`q=`): the schema refuses an empty q, so the form's
    // URL is sent to its meaning, without them (and without a relevance sort that needs q).
    const [path, search] = request.url.split('?', 2) as [string, string?]
    if (search !== undefined && /(^|&)[^=&]*=(&|$)/.test(search)) {
      const params = new URLSearchParams(search)
      for (const [name, value] of [...params]) if (value === '') params.delete(name, value)
      if (!params.has('q') && params.get('sort') === 'relevance') params.delete('sort')
      const rest = params.toString()
      return void reply.redirect(rest ? `${path}?${rest}` : path, 303)
    }
    done()
  })

  app.setErrorHandler(async (error: ProblemError, request, reply) => {
    const { status, detail, errors } = problemOf(error, request)
    return sendPage(reply, 'error', { title: problemType(status).title, status, detail, errors: errors ?? [] }, status)
  })

  await app.register(explorerRoute)
  await app.register(factPageRoute)
  await app.register(sourcePageRoute)
}

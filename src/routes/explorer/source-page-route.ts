import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NotFoundError } from '../../http/errors.js'
import { sendPage } from '../../plugins/app/html-pages.js'
import { normalizeFilters } from '../../schemas/fact-filters.js'
import { idParamsSchema, noQuerySchema } from '../../schemas/vocabulary.js'
import { number } from './figure-words.js'
import { sourceSegments, type EvidenceSpan } from './source-segments.js'
import { safeUrl } from './view-links.js'

/** `/sources/:id`: the whole text, every evidence span linked to its fact, skipped sentences marked. */
const sourcePageRoute: FastifyPluginAsyncZod = async (app) => {
  const { facts, sources } = app.repositories

  app.get('/sources/:id', {
    config: { responseCache: true },
    schema: { hide: true, querystring: noQuerySchema, params: idParamsSchema }
  }, async (request, reply) => {
    const source = sources.find(request.params.id)
    const text = source && sources.text(source.id)
    if (!source || text === undefined) throw new NotFoundError(`No source has the id "${request.params.id}".`)
    // the facts quoting it, through the same source filter /v1/facts?source= uses
    const quoting = [...facts.iterate(normalizeFilters({ source: source.id }), 'id')]
    const spans: EvidenceSpan[] = quoting.flatMap((fact) =>
      fact.evidence.filter((e) => e.sourceId === source.id).map((e) => ({ start: e.start, end: e.end, factId: fact.id })))
    const skipped = sources.skipped(source.id)

    return sendPage(reply, 'source', {
      title: `${source.title} · Facts explorer`,
      source,
      sourceUrl: safeUrl(source.url),
      segments: sourceSegments(text, spans, skipped),
      facts: quoting.map((f) => ({ id: f.id, statement: f.statement })),
      skippedCount: skipped.length,
      number,
      links: { json: `/v1/sources/${encodeURIComponent(source.id)}`, text: `/v1/sources/${encodeURIComponent(source.id)}/text` }
    })
  })
}

export default sourcePageRoute

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { NotFoundError } from '../../http/errors.js'
import { sendPage } from '../../plugins/app/html-pages.js'
import { countryName } from '../../schemas/fact-filters.js'
import type { Evidence, Fact } from '../../schemas/fact.js'
import type { Source } from '../../schemas/source.js'
import { idParamsSchema, noQuerySchema } from '../../schemas/vocabulary.js'
import { referencesOf } from '../v1/facts/fact-citation.js'
import { figureDetails, figureInWords } from './figure-words.js'
import { formatInEveryStyle } from '../../citations/format-citation.js'
import { safeUrl } from './view-links.js'

// Characters of source text shown on each side of a quote: about two sentences.
const CONTEXT = 280

/** The quote inside its surrounding text, cut at word boundaries. */
export function quoteInContext(text: string, evidence: Evidence) {
  let from = Math.max(0, evidence.start - CONTEXT)
  let to = Math.min(text.length, evidence.end + CONTEXT)
  if (from > 0) from = text.indexOf(' ', from) + 1 || from
  if (to < text.length) to = text.lastIndexOf(' ', to) > evidence.end ? text.lastIndexOf(' ', to) : to
  return {
    before: `${from > 0 ? '…' : ''}${text.slice(from, evidence.start)}`,
    quote: text.slice(evidence.start, evidence.end),
    after: `${text.slice(evidence.end, to)}${to < text.length ? '…' : ''}`
  }
}

/** `/facts/:id`: one fact, its quotes in their source text, and its citation formatted. */
const factPageRoute: FastifyPluginAsyncZod = async (app) => {
  const { facts, sources, vocabularies } = app.repositories
  const flagTerms = new Map(vocabularies.terms('flags').map((t) => [t.slug, t]))

  app.get('/facts/:id', {
    config: { responseCache: true },
    schema: { hide: true, querystring: noQuerySchema, params: idParamsSchema }
  }, async (request, reply) => {
    const json = facts.findJson(request.params.id)
    if (json === undefined) throw new NotFoundError(`No fact has the id "${request.params.id}".`)
    const fact = JSON.parse(json) as Fact
    const factSources = [...new Set(fact.evidence.map((e) => e.sourceId))]
      .map((id) => sources.find(id))
      .filter((s): s is Source => s !== undefined)
    // the same references /v1/facts/{id}/citation serves, at the URL that route names
    const citation = referencesOf(app.repositories, fact, app.publicBaseUrl(request))
    const id = encodeURIComponent(fact.id)

    return sendPage(reply, 'fact', {
      title: `${fact.statement} · Facts explorer`,
      fact,
      country: countryName(fact.country),
      labels: app.dataset.labels,
      figures: fact.figures.map((f) => ({ words: figureInWords(f, app.dataset.labels.units.get(f.unit) ?? f.unit), label: f.label, ...figureDetails(f) })),
      flags: fact.flags.map((flag) => {
        const [slug = flag, other] = flag.split(':', 2)
        const term = flagTerms.get(slug)
        return { label: term?.label ?? slug, description: term?.description ?? '', other: other ?? null }
      }),
      evidence: fact.evidence.map((e) => {
        const source = factSources.find((s) => s.id === e.sourceId)
        const text = sources.text(e.sourceId) ?? e.quote
        return { ...e, context: quoteInContext(text, e), sourceTitle: source?.title ?? e.sourceId, originUrl: safeUrl(e.origin?.url) }
      }),
      citations: (await formatInEveryStyle(citation)).map(({ style, name, references }) => ({ id: `cite-${style}`, name, references })),
      links: { json: `/v1/facts/${id}`, citation: `/v1/facts/${id}/citation` }
    })
  })
}

export default factPageRoute

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { JSON_ONLY } from '../../plugins/app/content-negotiation.js'
import { NotFoundError, invalidParameters } from '../../http/errors.js'
import { problemResponses } from '../../schemas/problem.js'
import {
  actorListQuerySchema,
  actorListSchema,
  actorSchema,
  idParamsSchema,
  noQuerySchema,
  slugParamsSchema,
  termListSchema,
  termSchema,
  yearListSchema
} from '../../schemas/vocabulary.js'

const TAGS = ['vocabularies']

const vocabulariesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { vocabularies } = app.repositories

  // Categories, forms, units and flags are the same kind of closed vocabulary: one list and one term route each.
  const termVocabularies = [
    { path: 'categories', vocabulary: 'categories', one: 'Category', many: 'Categories', what: 'the fact categories', filters: '`category` filter', example: 'prosecution' },
    { path: 'forms', vocabulary: 'forms', one: 'Form', many: 'Forms', what: 'the forms of exploitation', filters: '`form` filter', example: 'forced-labor' },
    { path: 'units', vocabulary: 'units', one: 'Unit', many: 'Units', what: 'the units figures count or measure in', filters: '`unit` filter', example: 'defendants' },
    { path: 'flags', vocabulary: 'flags', one: 'Flag', many: 'Flags', what: 'the curation flags (caveats) facts may carry', filters: '`flag` and `excludeFlag` filters', example: 'subject-unclear' }
  ] as const
  for (const { path, vocabulary, one, many, what, filters, example } of termVocabularies) {
    app.get(`/v1/${path}`, {
      config: JSON_ONLY,
      schema: {
        operationId: `list${many}`,
        summary: `List ${what} with their fact counts`,
        description: `Every term in curated order; a term's \`slug\` is a value of the ${filters} of \`/v1/facts\`.`,
        querystring: noQuerySchema,
        tags: TAGS,
        response: { 200: termListSchema, ...problemResponses(400, 406, 429, 503) }
      }
    }, async () => ({ data: vocabularies.terms(vocabulary) }))

    app.get(`/v1/${path}/:slug`, {
      config: JSON_ONLY,
      schema: {
        operationId: `get${one}`,
        summary: `Get one ${one.toLowerCase()}`,
        description: `The ${one.toLowerCase()} with this slug: its label, what it covers and how many facts carry it.`,
        querystring: noQuerySchema,
        tags: TAGS,
        params: slugParamsSchema.extend({ slug: slugParamsSchema.shape.slug.meta({ examples: [example] }) }),
        response: { 200: termSchema, ...problemResponses(400, 404, 406, 414, 429, 503) }
      }
    }, async (request) => {
      const term = vocabularies.term(vocabulary, request.params.slug)
      if (!term) throw new NotFoundError(`No ${one.toLowerCase()} has the slug "${request.params.slug}"; see /v1/${path}.`)
      return term
    })
  }

  app.get('/v1/actors', {
    config: JSON_ONLY,
    schema: {
      operationId: 'listActors',
      summary: 'List the actors the sources name, optionally of one type',
      description: 'Actors by id; an actor\'s `id` is what the `actor` filter of `/v1/facts` takes.',
      tags: TAGS,
      querystring: actorListQuerySchema,
      response: { 200: actorListSchema, ...problemResponses(400, 406, 429, 503) }
    }
  }, async (request) => {
    const { type } = request.query
    const valid = app.dataset.vocabularies.actorTypes
    if (type !== undefined && !valid.has(type)) {
      throw invalidParameters([{ in: 'query', name: 'type', message: `unknown value "${type}"; valid values: ${[...valid].join(', ')}` }])
    }
    return { data: vocabularies.actors(type) }
  })

  app.get('/v1/actors/:id', {
    config: JSON_ONLY,
    schema: {
      operationId: 'getActor',
      summary: 'Get one actor',
      description: 'The actor with this id: its type, description, other names and how many facts name it.',
      querystring: noQuerySchema,
      tags: TAGS,
      params: idParamsSchema.extend({ id: idParamsSchema.shape.id.describe('Actor id.').meta({ examples: ['russian-government'] }) }),
      response: { 200: actorSchema, ...problemResponses(400, 404, 406, 414, 429, 503) }
    }
  }, async (request) => {
    const actor = vocabularies.actor(request.params.id)
    if (!actor) throw new NotFoundError(`No actor has the id "${request.params.id}"; see /v1/actors.`)
    return actor
  })

  app.get('/v1/years', {
    config: JSON_ONLY,
    schema: {
      operationId: 'listYears',
      summary: 'List the years facts are about, ascending, with fact counts',
      description: 'The values the `year` filter of `/v1/facts` finds facts for.',
      querystring: noQuerySchema,
      tags: TAGS,
      response: { 200: yearListSchema, ...problemResponses(400, 406, 429, 503) }
    }
  }, async () => ({ data: vocabularies.years() }))
}

export default vocabulariesRoutes


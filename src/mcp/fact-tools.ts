import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import { NotFoundError } from '../http/errors.js'
import { readFactPage } from '../routes/v1/facts/read-fact-page.js'
import { resolveFactQuery } from '../routes/v1/facts/resolve-fact-query.js'
import { toFacetLists } from '../schemas/fact-facets.js'
import type { Fact } from '../schemas/fact.js'
import { fieldsParameterSchema, selectFields, type FactField } from '../schemas/fact-fields.js'
import { factFacetsQuerySchema, factListQuerySchema } from '../schemas/fact-query.js'
import { idParamsSchema } from '../schemas/vocabulary.js'
import { defineTool, toolResult, type ToolContext } from './define-tool.js'
import { describeFact, filterGuide } from './describe.js'

/** What a search returns of each fact: enough to answer and to quote, not the whole record. */
export const SEARCH_FIELDS: FactField[] = ['statement', 'year', 'publishedYear', 'country', 'figures', 'evidence', 'flags']

export const factIdArgument = idParamsSchema.shape.id.describe('Fact id, as search_facts returns it, e.g. "ru-2013-sex-trafficking-prosecutions".')

// the REST parameters of /v1/facts, less `fields`: a search always returns the same fields
const searchInput = factListQuerySchema.omit({ fields: true })

export function registerFactTools(server: McpServer, context: ToolContext): void {
  const { facts } = context.app.repositories
  const { vocabularies, labels } = context.app.dataset
  const guide = filterGuide(vocabularies)

  defineTool(server, context, {
    name: 'search_facts',
    title: 'Search facts',
    description:
      'Finds source-linked facts about human trafficking. Returns a page of facts, each with its id, statement (the curators\' words), ' +
      'year, country (ISO code), figures (numbers the source states, with unit and qualifier) and evidence: the exact words of the source ' +
      '(quote) with its sourceId and UTF-16 offsets start/end; publishedYear (when the quoted words were first published, null when unknown) ' +
      'and flags, the curators\' caveats (e.g. subject-unclear: the source does not say whose record it is; undated) — say them when you repeat ' +
      'a claim, and call get_fact for the note that explains them. Quotes are the source\'s own words: quote them verbatim and cite the fact id. ' +
      'Also returns page.total (all matches) and page.nextCursor: pass it as `cursor`, with the same filters, for the next page; null on the last. ' +
      `Filters combine with AND; repeated values of one filter with OR. ${guide}`,
    input: searchInput,
    run({ sort, limit, cursor, ...filters }) {
      const { data, page, query } = readFactPage(facts, vocabularies, { filters, sort, limit, cursor, fields: SEARCH_FIELDS })
      const found = data.map((json) => JSON.parse(json) as Partial<Fact> & { id: string })
      const lines = found.map(describeFact)
      const more = page.nextCursor ? `\nMore facts: call again with cursor "${page.nextCursor}".` : ''
      return toolResult({ data: found, page, query }, `${page.total} facts match; ${found.length} shown.${lines.length ? `\n\n${lines.join('\n\n')}` : ''}${more}`)
    }
  })

  defineTool(server, context, {
    name: 'get_fact',
    title: 'Get one fact',
    description:
      'One fact by its id, whole: statement, year, country, related countries, places, categories, forms, actors, figures, ' +
      'evidence (each quote with its source id, offsets, attribution and the public document it was first published in), curation flags and note. ' +
      'Quotes are exact source words: quote them verbatim. `fields` limits the answer to some top-level fields.',
    input: z.strictObject({ id: factIdArgument, fields: fieldsParameterSchema }),
    run({ id, fields }) {
      const json = facts.findJson(id, selectFields(fields))
      if (json === undefined) throw new NotFoundError(`id: no fact has the id "${id}"; search_facts lists facts with their ids.`)
      const fact = JSON.parse(json) as Partial<Fact> & { id: string }
      return toolResult(fact, describeFact(fact))
    }
  })

  defineTool(server, context, {
    name: 'count_facts',
    title: 'Count facts by year, category, form, actor, country, unit and flag',
    description:
      'How many facts match a set of filters (total), and how they divide: counts per year, category, form, actor, country, ' +
      'related country, unit and curation flag (facets), each list by count descending, at most `facetLimit` values. ' +
      `Use it to see what the data holds before searching. ${guide}`,
    input: factFacetsQuerySchema,
    run({ facetLimit, ...filters }) {
      const { query, echo } = resolveFactQuery(filters, undefined, vocabularies)
      const facets = toFacetLists(facts.facets(query), labels, facetLimit)
      const total = facts.count(query)
      const top = (name: string, list: { value: unknown; count: number }[]) =>
        list.length ? `${name}: ${list.slice(0, 8).map((b) => `${b.value ?? 'no year'} (${b.count})`).join(', ')}` : undefined
      const summary = [top('years', facets.year), top('categories', facets.category), top('forms', facets.form), top('countries', facets.country)]
      const { sort: _sort, ...filtersEcho } = echo
      return toolResult({ total, facets, query: filtersEcho }, [`${total} facts match.`, ...summary.filter(Boolean)].join('\n'))
    }
  })
}

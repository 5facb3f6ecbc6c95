import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import type { TermVocabulary } from '../repositories/vocabularies-repository.js'
import { defineTool, toolResult, type ToolContext } from './define-tool.js'

interface Value {
  value: string | number
  label: string
  description?: string | null
  factCount: number
  [more: string]: unknown
}

const VOCABULARIES = ['categories', 'forms', 'actors', 'actorTypes', 'units', 'flags', 'years', 'countries', 'sources'] as const

export function registerListValuesTool(server: McpServer, context: ToolContext): void {
  const { vocabularies, sources } = context.app.repositories
  const terms = (table: TermVocabulary) => () =>
    vocabularies.terms(table).map((t): Value => ({ value: t.slug, label: t.label, description: t.description, factCount: t.factCount }))
  const read: Record<(typeof VOCABULARIES)[number], () => Value[]> = {
    categories: terms('categories'),
    forms: terms('forms'),
    actorTypes: terms('actor_types'),
    units: terms('units'),
    flags: terms('flags'),
    actors: () => vocabularies.actors().map(({ id, name, ...actor }) => ({ value: id, label: name, ...actor })),
    years: () => vocabularies.years().map((y) => ({ value: y.year, label: String(y.year), factCount: y.factCount })),
    countries: () => vocabularies.countries().map((c) => ({ value: c.code, label: c.name, factCount: c.factCount })),
    sources: () => sources.list().map((s) => ({ value: s.id, label: s.title, description: s.note, publisher: s.publisher, length: s.length, factCount: s.factCount }))
  }

  defineTool(server, context, {
    name: 'list_values',
    title: 'List the values of a filter',
    description:
      'The valid values of a search filter, each with its label, description and number of facts: categories (filter `category`), ' +
      'forms of exploitation (`form`), actors (`actor`: governments, agencies, groups, people, with aliases), actorTypes (`actorType`), ' +
      'units figures count in (`unit`), curation flags (`flag`, `excludeFlag`), years (`year`), countries (`country`, ISO codes) ' +
      'and sources (`source`, and `sourceId` of read_source).',
    input: z.strictObject({ vocabulary: z.enum(VOCABULARIES).describe('Which list.') }),
    run({ vocabulary }) {
      const values = read[vocabulary]()
      const text = values.map((v) => `${v.value}: ${v.label}${v.description ? ` - ${v.description}` : ''} (${v.factCount} facts)`).join('\n')
      return toolResult({ vocabulary, values }, text)
    }
  })
}

import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { z } from 'zod'
import { CITATION_STYLE_IDS, formatReferences } from '../citations/format-citation.js'
import { invalidParameters, NotFoundError } from '../http/errors.js'
import { sliceText } from '../repositories/sources-repository.js'
import { citeFact } from '../routes/v1/facts/fact-citation.js'
import { idParamsSchema } from '../schemas/vocabulary.js'
import { defineTool, toolResult, type ToolContext } from './define-tool.js'
import { factIdArgument } from './fact-tools.js'

// A source text runs to hundreds of thousands of characters: a model reads it a window at a time.
const MAX_SLICE = 20_000

const offset = (what: string) => z.int().min(0).max(100_000_000).optional().describe(what)

export function registerReferenceTools(server: McpServer, context: ToolContext): void {
  const { sources } = context.app.repositories

  defineTool(server, context, {
    name: 'cite_fact',
    title: 'Cite a fact',
    description:
      'How to cite one fact: `references` holds CSL-JSON (for Zotero, Mendeley, pandoc): the fact in this dataset first, then the source ' +
      'collection its quotes come from, then each public document those quotes were first published in; `formatted` holds each of them ' +
      `formatted in \`style\` (${CITATION_STYLE_IDS.join(', ')}; default apa), the fact's own reference first.`,
    input: z.strictObject({ id: factIdArgument, style: z.enum(CITATION_STYLE_IDS).default('apa').describe('Citation style of `formatted`.') }),
    async run({ id, style }) {
      const references = citeFact(context.app.repositories, id, context.baseUrl)
      if (references === undefined) throw new NotFoundError(`id: no fact has the id "${id}"; search_facts lists facts with their ids.`)
      const formatted = await formatReferences(references, style)
      return toolResult({ references, formatted, style }, formatted.join('\n'))
    }
  })

  defineTool(server, context, {
    name: 'read_source',
    title: 'Read a source text',
    description:
      'The text of a source report between two offsets (UTF-16 code units, as evidence start/end give them): ' +
      'with a quote\'s start and end it returns exactly the quote; widen them to read its context. ' +
      `At most ${MAX_SLICE.toLocaleString('en')} characters per call. Source ids come with each quote (sourceId) and from list_values.`,
    input: z.strictObject({
      sourceId: idParamsSchema.shape.id.describe('Source id, e.g. "ru-trafficking-excerpts".'),
      start: offset('Start offset, inclusive; default 0.'),
      end: offset(`End offset, exclusive; default start + ${MAX_SLICE.toLocaleString('en')} or the end of the text.`)
    }),
    run({ sourceId, start = 0, end }) {
      const text = sources.text(sourceId)
      if (text === undefined) throw new NotFoundError(`sourceId: no source has the id "${sourceId}"; list_values with vocabulary "sources" lists them.`)
      const until = end ?? Math.min(text.length, start + MAX_SLICE)
      if (start > until) throw invalidParameters([{ in: 'query', name: 'start', message: 'must not be greater than end' }])
      if (until - start > MAX_SLICE) throw invalidParameters([{ in: 'query', name: 'end', message: `at most ${MAX_SLICE} characters per call: end - start is ${until - start}` }])
      const slice = sliceText(text, start, until)
      if ('refused' in slice) throw invalidParameters([{ in: 'query', name: slice.refused, message: slice.message }])
      return toolResult({ sourceId, ...slice }, slice.text)
    }
  })
}

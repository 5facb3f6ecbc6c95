import { z } from 'zod'
import { decimalInteger } from './decimal-integer.js'
import { factSchema } from './fact.js'
import { fieldsEchoSchema, fieldsParameterSchema, partialFactSchema } from './fact-fields.js'
import { factFilterShape, filterEchoShape } from './fact-filters.js'

export type { FactFilters } from './fact-filters.js'

export const FACT_SORTS = ['-year', 'year', 'id', 'relevance'] as const

export const factSortSchema = z
  .enum(FACT_SORTS)
  .optional()
  .describe('`-year` (default; facts without a year last), `year`, `id`; with `q` the default is `relevance`.')

export const factListQuerySchema = z.strictObject({
  ...factFilterShape,
  sort: factSortSchema,
  limit: decimalInteger(1, 100).default(20).describe('Page size, 1–100.'),
  cursor: z.string().min(1).max(1000).optional().describe('Opaque cursor from `page.nextCursor` of the previous page.'),
  fields: fieldsParameterSchema
})

export const FACET_LIMIT_DEFAULT = 50

export const factFacetsQuerySchema = z.strictObject({
  ...factFilterShape,
  facetLimit: decimalInteger(1, 1000).default(FACET_LIMIT_DEFAULT)
    .describe('Most values listed per facet, by count; `truncated` names the facets that had more.')
})

export const factExportQuerySchema = z.strictObject({
  ...factFilterShape,
  sort: factSortSchema,
  format: z.enum(['csv', 'ndjson']).default('csv').describe('`csv` (default) or `ndjson` (one JSON fact per line).'),
  fields: fieldsParameterSchema
})

export type FactListQuery = z.output<typeof factListQuerySchema>
export type FactSort = NonNullable<FactListQuery['sort']>

/** What a facts answer holds: whole facts, or with `fields` the fields asked for. */
export const factOrPartialSchema = z.union([factSchema, partialFactSchema])
  .meta({ id: 'FactOrPartialFact', description: 'The fact: whole, or with `fields` only the fields asked for.' })

export const queryEchoSchema = z
  .object({ ...filterEchoShape, sort: z.enum(FACT_SORTS), fields: fieldsEchoSchema })
  .meta({ id: 'QueryEcho', description: 'The filters and sort as the server understood them.' })

export const factPageSchema = z
  .object({
    data: z.array(factOrPartialSchema),
    page: z.object({
      limit: z.int(),
      total: z.int().describe('Number of facts matching the filters, over all pages.'),
      nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.')
    }),
    query: queryEchoSchema
  })
  .meta({ id: 'FactPage', description: 'One page of matching facts, the paging state and the query as understood.' })

export type QueryEcho = z.infer<typeof queryEchoSchema>

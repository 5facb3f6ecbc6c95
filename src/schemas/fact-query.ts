import { z } from 'zod'
import { factSchema } from './fact.js'

// Parameters that may be repeated (`?year=2012&year=2013`). The query-string parser turns a
// single occurrence into a one-element array so that the schemas below can be plain arrays.
export const REPEATABLE_PARAMETERS = ['year', 'category', 'form', 'actor'] as const

const year = z.coerce.number().int().min(1800).max(2100)
const slugList = (what: string, example: string) =>
  z
    .array(z.string().min(1).max(100))
    .max(50)
    .optional()
    .describe(`${what} (repeatable: matches any of them).`)
    .meta({ examples: [[example]] })

export const factFilterShape = {
  year: z.array(year).max(50).optional().describe('Year the claim is about (repeatable: any of).').meta({ examples: [[2013]] }),
  yearFrom: year.optional().describe('Earliest year, inclusive.').meta({ examples: [2012] }),
  yearTo: year.optional().describe('Latest year, inclusive.').meta({ examples: [2013] }),
  category: slugList('Category slug from `/v1/categories`', 'prosecution'),
  form: slugList('Form of exploitation from `/v1/forms`', 'sex-trafficking'),
  actor: slugList('Actor id from `/v1/actors`', 'russian-government'),
  actorType: z.string().min(1).max(100).optional().describe('Only facts naming an actor of this type, e.g. `government`.').meta({ examples: ['government'] }),
  // description and examples sit on the input side of the transform, where OpenAPI reads them
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as RU')
    .describe('ISO 3166-1 alpha-2 code of the country the claim is about (case-insensitive).')
    .meta({ examples: ['RU'] })
    .transform((c) => c.toUpperCase())
    .optional(),
  source: z.string().min(1).max(200).optional().describe('Source id from `/v1/sources`.').meta({ examples: ['ru-trafficking-excerpts'] }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((q) => /[\p{L}\p{N}]/u.test(q), 'must contain at least one letter or digit')
    .optional()
    .describe('Full-text search over statements and quotes; every word must match, results ranked by relevance.')
    .meta({ examples: ['prosecuted'] }),
  hasFigures: z
    .enum(['true', 'false'])
    .describe('`true`: only facts stating a number; `false`: only facts without one.')
    .meta({ examples: ['true'] })
    .transform((v) => v === 'true')
    .optional()
}

export const factSortSchema = z
  .enum(['year', '-year', 'id', 'relevance'])
  .optional()
  .describe('`-year` (default; facts without a year last), `year`, `id`; with `q` the default is `relevance`.')

export const factListQuerySchema = z.strictObject({
  ...factFilterShape,
  sort: factSortSchema,
  limit: z.coerce.number().int().min(1).max(100).default(20).describe('Page size, 1–100.'),
  cursor: z.string().min(1).max(1000).optional().describe('Opaque cursor from `page.nextCursor` of the previous page.')
})

export const factFacetsQuerySchema = z.strictObject(factFilterShape)

export const factExportQuerySchema = z.strictObject({
  ...factFilterShape,
  sort: factSortSchema,
  format: z.enum(['csv', 'ndjson']).default('csv').describe('`csv` (default) or `ndjson` (one JSON fact per line).')
})

export type FactListQuery = z.output<typeof factListQuerySchema>
export type FactFilters = z.output<typeof factFacetsQuerySchema>
export type FactSort = NonNullable<FactListQuery['sort']>

export const queryEchoSchema = z
  .object({
    year: z.array(z.int()).optional(),
    yearFrom: z.int().optional(),
    yearTo: z.int().optional(),
    category: z.array(z.string()).optional(),
    form: z.array(z.string()).optional(),
    actor: z.array(z.string()).optional(),
    actorType: z.string().optional(),
    country: z.string().optional(),
    source: z.string().optional(),
    q: z.string().optional(),
    hasFigures: z.boolean().optional(),
    sort: z.enum(['year', '-year', 'id', 'relevance'])
  })
  .meta({ id: 'QueryEcho', description: 'The filters and sort as the server understood them.' })

export const factPageSchema = z
  .object({
    data: z.array(factSchema),
    page: z.object({
      limit: z.int(),
      total: z.int().describe('Number of facts matching the filters, over all pages.'),
      nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.')
    }),
    query: queryEchoSchema
  })
  .meta({ id: 'FactPage' })

const bucket = <T extends z.ZodType>(value: T) => z.object({ value, count: z.int() })
const labelledBucket = z.object({ value: z.string(), label: z.string(), count: z.int() })

export const factFacetsSchema = z
  .object({
    year: z.array(bucket(z.int().nullable())).describe('`value` null counts facts with no stated year.'),
    category: z.array(labelledBucket),
    form: z.array(labelledBucket),
    actor: z.array(labelledBucket),
    country: z.array(labelledBucket)
  })
  .meta({ id: 'FactFacets', description: 'Counts for the same filters, each list by count descending, then value.' })

export type FactFacets = z.infer<typeof factFacetsSchema>
export type QueryEcho = z.infer<typeof queryEchoSchema>

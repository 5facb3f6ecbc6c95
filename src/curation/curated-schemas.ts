import { z } from 'zod'
import { FIGURE_KINDS, FIGURE_QUALIFIERS } from '../schemas/fact.js'
import { SLUG_MESSAGE, SLUG_PATTERN } from '../schemas/identifier.js'

// The shapes of the hand-curated YAML files in `db/`. They are strict on purpose:
// a misspelt key in a curated file is a curation error, not something to ignore.

export const slug = z.string().regex(SLUG_PATTERN, SLUG_MESSAGE)

const isoDate = z.iso.date()

export const datasetFileSchema = z.strictObject({
  title: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a semantic version such as 1.0.0'),
  // the day the version was released: what a citation gives as `issued`, never the build date
  released: isoDate,
  license: z.string().min(1),
  // curation rules this dataset is exempt from, by id: only test fixtures and synthetic data
  waive: z.array(z.string()).default([])
})

export const termSchema = z.strictObject({
  slug,
  label: z.string().min(1),
  description: z.string().min(1)
})

export const actorSchema = z.strictObject({
  id: slug,
  name: z.string().min(1),
  type: slug,
  // the one country an actor belongs to (a ministry, a police force), when it belongs to one
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals').nullable().default(null),
  description: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([])
})

export const sourceMetadataSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  publisher: z.string().min(1).nullable(),
  publishedAt: isoDate.nullable(),
  url: z.url().nullable(),
  retrievedAt: isoDate,
  license: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256'),
  note: z.string().min(1).nullable().default(null)
})

const offset = z.int().nonnegative()

export const evidenceSchema = z.strictObject({
  sourceId: slug,
  start: offset,
  end: offset,
  quote: z.string().min(1),
  attribution: z.string().min(1).nullable().default(null)
})

export const figureSchema = z.strictObject({
  value: z.number().finite(),
  // a slug of vocabularies/units.yaml
  unit: slug,
  qualifier: z.enum(FIGURE_QUALIFIERS),
  // written only on age bounds: a figure is a quantity unless it says otherwise
  kind: z.enum(FIGURE_KINDS).default('quantity'),
  label: z.string().min(1)
})

export const flagSchema = z
  .string()
  .regex(/^(?:[a-z]+(?:-[a-z]+)*)(?::[a-z0-9]+(?:-[a-z0-9]+)*)?$/, 'must be a slug, optionally followed by :<fact id>')

/** The vocabulary slug (vocabularies/flags.yaml) of a fact's flag: `conflicts-with` for `conflicts-with:<fact id>`. */
export const flagSlug = (flag: string): string => flag.split(':', 1)[0]!

// Roles of the countries a fact names besides the one it is about.
export const COUNTRY_ROLES = ['origin', 'destination', 'transit', 'other'] as const

const alpha2 = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals')

export const relatedCountrySchema = z.strictObject({ code: alpha2, role: z.enum(COUNTRY_ROLES) })

// A place is its name; a first-level subdivision also carries its ISO 3166-2 code.
export const placeSchema = z.union([
  z.string().min(1),
  z.strictObject({ name: z.string().min(1), code: z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code such as RU-MOW') })
])

export const factSchema = z.strictObject({
  id: slug,
  statement: z.string().min(1),
  year: z.int().min(1800).max(2100).nullable(),
  yearInferred: z.boolean().default(false),
  when: z.string().min(1).nullable().default(null),
  country: alpha2,
  relatedCountries: z.array(relatedCountrySchema).default([]),
  places: z.array(placeSchema).default([]),
  categories: z.array(slug).min(1),
  forms: z.array(slug).default([]),
  actors: z.array(slug).default([]),
  figures: z.array(figureSchema).default([]),
  evidence: z.array(evidenceSchema).min(1),
  flags: z.array(flagSchema).default([]),
  note: z.string().min(1).nullable().default(null)
})

export const skippedSpanSchema = z.strictObject({
  start: offset,
  end: offset,
  quote: z.string().min(1),
  reason: z.enum(['fragment', 'headline', 'timestamp', 'duplicate', 'no-claim', 'boilerplate']),
  note: z.string().min(1).nullable().default(null)
})

export type DatasetFile = z.output<typeof datasetFileSchema>
export type Term = z.output<typeof termSchema>
export type Actor = z.output<typeof actorSchema>
export type SourceMetadata = z.output<typeof sourceMetadataSchema>
export type CuratedFact = z.output<typeof factSchema>
export type SkippedSpan = z.output<typeof skippedSpanSchema>

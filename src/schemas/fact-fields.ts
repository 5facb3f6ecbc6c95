import { z } from 'zod'
import { echoed } from '../http/echoed.js'
import { factSchema, type Fact } from './fact.js'

export type FactField = keyof Fact

/** The top-level members of a fact, in the order its JSON holds them: read from the schema, never listed twice. */
export const FACT_FIELDS = Object.keys(factSchema.shape) as FactField[]

/** The query-string parameter; repeatable, and each value may also hold several names separated by commas. */
export const FIELDS_PARAMETER = 'fields'

const fieldName = z.enum(FACT_FIELDS as [FactField, ...FactField[]], {
  error: (issue) => `unknown field "${echoed(String(issue.input))}"; valid fields: ${FACT_FIELDS.join(', ')}`
})

// zod documents a preprocessed value by its inner schema: the document shows an array of field
// names (repeated), and the description says that commas work too
export const fieldsParameterSchema = z
  .preprocess(
    (value) => (Array.isArray(value) ? value.flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])) : value),
    z.array(fieldName).min(1).max(50)
      .describe('Top-level fact fields to return, repeated or comma-separated (`fields=id,statement,year`); `id` is always included. ' +
        'Without it, whole facts. An unknown name is a 400 that lists the valid ones. The schema describes the repeated form only ' +
        '(its `enum` types generated clients), so a proxy that validates requests against it refuses the comma form: send `fields` repeated through one.')
      .meta({ examples: [['statement', 'year']] })
  )
  .optional()

export const fieldsEchoSchema = z.array(fieldName).optional().describe('The fields returned, in fact order, `id` first; absent when whole facts are.')

export const partialFactSchema = factSchema
  .partial()
  .required({ id: true })
  .meta({
    id: 'PartialFact',
    description: 'A fact with only the fields asked for in `fields` (and always `id`); each field as in `Fact`.',
    examples: [{ id: 'ru-2013-sex-trafficking-prosecutions', statement: 'Russia reportedly brought sex trafficking charges against 18 or more defendants in seven cases in 2013.', year: 2013 }]
  })

/** What `fields` asks for: the names in fact order, `id` first, and their places among a fact's members. */
export interface FieldSelection {
  names: FactField[]
  members: number[]
}

/** The fields requested, normalized (deduplicated, in fact order, with `id`); undefined for whole facts. */
export function selectFields(requested: readonly FactField[] | undefined): FieldSelection | undefined {
  if (requested === undefined) return undefined
  const wanted = new Set<FactField>(['id', ...requested])
  const members = FACT_FIELDS.flatMap((name, member) => (wanted.has(name) ? [member] : []))
  return { names: members.map((m) => FACT_FIELDS[m]!), members }
}

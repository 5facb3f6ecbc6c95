import { z } from 'zod'
import { closedVocabulary } from './closed-vocabulary.js'
import { ID_MAX_LENGTH } from './identifier.js'

export const termSchema = z
  .object({
    slug: z.string(),
    label: z.string(),
    description: z.string(),
    factCount: z.int().describe('Facts carrying this term.')
  })
  .meta({ id: 'Term', description: 'A term of a vocabulary: its slug, label, meaning and how many facts carry it.', examples: [{ slug: 'prosecution', label: 'Prosecution', description: 'Laws, investigations, prosecutions, convictions and sentences.', factCount: 9 }] })

export const termListSchema = z.object({ data: z.array(termSchema) }).meta({ id: 'TermList', description: 'Every term of the vocabulary, in curated order.' })

export const actorSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string().meta(closedVocabulary('actorTypes')).describe('Actor type.'),
    description: z.string(),
    aliases: z.array(z.string()),
    factCount: z.int()
  })
  .meta({ id: 'Actor', description: 'A government, agency, organisation, group or person the sources name.' })

export const actorListSchema = z.object({ data: z.array(actorSchema) }).meta({ id: 'ActorList', description: 'The actors, by id.' })

export const actorListQuerySchema = z.strictObject({
  type: z.string().min(1).max(100).meta(closedVocabulary('actorTypes')).optional().describe('Only actors of this type, e.g. `government`.').meta({ examples: ['government'] })
})

export const yearListSchema = z
  .object({ data: z.array(z.object({ year: z.int(), factCount: z.int() })) })
  .meta({ id: 'YearList', description: 'Years with facts, ascending; facts without a year are not listed.' })

/** For endpoints without parameters: an unknown one is a 400 rather than silently ignored. */
export const noQuerySchema = z.strictObject({})

export const slugParamsSchema = z.strictObject({
  slug: z.string().min(1).max(100).describe('The term slug.')
})
export const idParamsSchema = z.strictObject({
  id: z.string().min(1).max(ID_MAX_LENGTH).describe('The identifier.')
})

export type Term = z.infer<typeof termSchema>
export type Actor = z.infer<typeof actorSchema>

import { z } from 'zod'
import { decimalInteger } from './decimal-integer.js'

export const sourceSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    publisher: z.string().nullable().describe('Null when the text does not say.'),
    publishedAt: z.string().nullable().describe('ISO date; null when unknown.'),
    url: z.string().nullable(),
    retrievedAt: z.string().describe('ISO date the text was retrieved.'),
    license: z.string(),
    sha256: z.string().describe('sha256 of the UTF-8 text, hex.'),
    note: z.string().nullable().describe("A curator's note on what the source is."),
    length: z.int().describe('Length of the text in UTF-16 code units, the unit of evidence offsets.'),
    factCount: z.int()
  })
  .meta({ id: 'Source', description: 'A report facts are taken from, with the hash and length of its text.' })

export const sourceListSchema = z.object({ data: z.array(sourceSchema) }).meta({ id: 'SourceList', description: 'Every source, by id.' })

export const sourceTextQuerySchema = z
  .strictObject({
    start: decimalInteger(0, 100_000_000).optional().describe('Start offset (UTF-16 code units), inclusive; default 0.').meta({ examples: [0] }),
    end: decimalInteger(0, 100_000_000).optional().describe('End offset, exclusive; default the end of the text.').meta({ examples: [120] })
  })
  .refine((q) => q.start === undefined || q.end === undefined || q.start <= q.end, {
    message: 'start must not be greater than end',
    path: ['start']
  })

export type Source = z.infer<typeof sourceSchema>

import { z } from 'zod'

export const metaSchema = z
  .object({
    title: z.string(),
    version: z.string().describe('Dataset version (semantic versioning).'),
    released: z.string().describe('The day this dataset version was released (ISO 8601 date): the `issued` date of citations.'),
    contentHash: z.string().describe('sha256 of the curated data; changes exactly when the data does.'),
    builtAt: z.string().describe('When the database was built (ISO 8601).'),
    license: z.string(),
    apiVersion: z.string().describe('Version of this service.'),
    counts: z.object({
      facts: z.int(),
      sources: z.int(),
      actors: z.int(),
      categories: z.int(),
      forms: z.int()
    })
  })
  .meta({ id: 'Meta', description: 'What this dataset is: version, content hash, build time, licence and counts.' })

export const healthSchema = z.object({ status: z.enum(['ok']) }).meta({ id: 'Health', description: 'The probe passed.' })

export type Meta = z.infer<typeof metaSchema>

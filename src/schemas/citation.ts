import { z } from 'zod'

// The subset of CSL-JSON (the Citation Style Language's data format, read by Zotero, Mendeley,
// pandoc and citation.js) that a fact's citation uses.
const dateParts = z.object({ 'date-parts': z.array(z.array(z.int()).min(1).max(3)).length(1) })

export const cslItemSchema = z
  .object({
    id: z.string(),
    type: z.enum(['dataset', 'document', 'webpage']),
    title: z.string(),
    publisher: z.string().optional(),
    version: z.string().optional(),
    issued: dateParts.optional(),
    accessed: dateParts.optional(),
    URL: z.string().optional(),
    note: z.string().optional()
  })
  .meta({ id: 'CslItem', description: 'One reference in CSL-JSON.' })

export const citationSchema = z
  .array(cslItemSchema)
  .meta({
    id: 'Citation',
    description:
      'CSL-JSON references for one fact: the fact in this dataset, the source collection its quotes are taken from, ' +
      'and each public document those quotes were first published in, where one was found.'
  })

export type CslItem = z.infer<typeof cslItemSchema>

import { createHash } from 'node:crypto'
import { z } from 'zod'
import { invalidParameters } from '../../../http/errors.js'
import type { PagePlace } from '../../../repositories/facts/facts-repository.js'
import { FACT_SORTS, type FactSort } from '../../../schemas/fact-query.js'

// The cursor carries the sort and a digest of the filters it was made for, so a cursor pasted
// onto another query is refused instead of silently skipping or repeating facts; and where the
// page's last fact stands in that order (its place, and in relevance order its score).
const cursorSchema = z.object({ s: z.enum(FACT_SORTS), f: z.string(), p: z.int().nonnegative(), k: z.number().optional() })

const digest = (filterKey: string) => createHash('sha256').update(filterKey).digest('base64url').slice(0, 12)

export function encodeCursor(sort: FactSort, filterKey: string, at: PagePlace): string {
  return Buffer.from(JSON.stringify({ s: sort, f: digest(filterKey), p: at.place, k: at.score })).toString('base64url')
}

export function decodeCursor(cursor: string, sort: FactSort, filterKey: string): PagePlace {
  const refuse = (message: string) => invalidParameters([{ in: 'query', name: 'cursor', message }])
  let payload: z.infer<typeof cursorSchema>
  try {
    payload = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
  } catch {
    throw refuse('is not a cursor this API issued; pass page.nextCursor unchanged')
  }
  if (payload.s !== sort || payload.f !== digest(filterKey)) {
    throw refuse('was issued for other filters or another sort; keep the query unchanged while paging')
  }
  if ((sort === 'relevance') !== (payload.k !== undefined)) throw refuse('is not a cursor this API issued; pass page.nextCursor unchanged')
  return { place: payload.p, score: payload.k }
}

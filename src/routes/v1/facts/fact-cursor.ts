import { createHash } from 'node:crypto'
import { z } from 'zod'
import { invalidParameters } from '../../../http/errors.js'
import type { KeysetPosition } from '../../../repositories/facts/fact-sort.js'
import { filterKey } from '../../../repositories/facts/filter-key.js'
import type { FactFilters, FactSort } from '../../../schemas/fact-query.js'

// The cursor carries the sort and a digest of the filters it was made for, so a cursor pasted
// onto another query is refused instead of silently skipping or repeating facts.
const cursorSchema = z.object({
  s: z.enum(['year', '-year', 'id', 'relevance']),
  f: z.string(),
  k: z.union([z.number(), z.string()]),
  i: z.string()
})

function filtersDigest(filters: FactFilters): string {
  return createHash('sha256').update(filterKey(filters)).digest('base64url').slice(0, 12)
}

export function encodeCursor(sort: FactSort, filters: FactFilters, position: KeysetPosition): string {
  const payload = { s: sort, f: filtersDigest(filters), k: position.key, i: position.id }
  return Buffer.from(JSON.stringify(payload)).toString('base64url')
}

export function decodeCursor(cursor: string, sort: FactSort, filters: FactFilters): KeysetPosition {
  const refuse = (message: string) => invalidParameters([{ in: 'query', name: 'cursor', message }])
  let payload: z.infer<typeof cursorSchema>
  try {
    payload = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
  } catch {
    throw refuse('is not a cursor this API issued; pass page.nextCursor unchanged')
  }
  if (payload.s !== sort || payload.f !== filtersDigest(filters)) {
    throw refuse('was issued for other filters or another sort; keep the query unchanged while paging')
  }
  return { key: payload.k, id: payload.i }
}

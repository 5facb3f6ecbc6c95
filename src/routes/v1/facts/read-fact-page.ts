import type { FactsRepository } from '../../../repositories/facts/facts-repository.js'
import { selectFields, type FactField } from '../../../schemas/fact-fields.js'
import type { FactFilters, Vocabularies } from '../../../schemas/fact-filters.js'
import type { FactSort, QueryEcho } from '../../../schemas/fact-query.js'
import { decodeCursor, encodeCursor } from './fact-cursor.js'
import { resolveFactQuery } from './resolve-fact-query.js'

export interface FactPageQuery {
  filters: FactFilters
  sort?: FactSort | undefined
  limit: number
  cursor?: string | undefined
  fields?: readonly FactField[] | undefined
}

export interface ReadFactPage {
  /** Each fact's JSON, whole or with the fields asked for. */
  data: string[]
  page: { limit: number; total: number; nextCursor: string | null }
  query: QueryEcho
}

/**
 * One page of facts as `/v1/facts` answers it, for the route and the MCP `search_facts` tool
 * alike: filters checked and normalized, the cursor checked against them, the fields selected.
 */
export function readFactPage(facts: FactsRepository, vocabularies: Vocabularies, request: FactPageQuery): ReadFactPage {
  const { query, sort, echo } = resolveFactQuery(request.filters, request.sort, vocabularies)
  const fields = selectFields(request.fields)
  if (fields) echo.fields = fields.names
  const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor, sort, query.key)
  const page = facts.page({ query, sort, limit: request.limit, after, fields })
  const nextCursor = page.next === null ? null : encodeCursor(sort, query.key, page.next)
  return { data: page.facts, page: { limit: request.limit, total: facts.count(query), nextCursor }, query: echo }
}

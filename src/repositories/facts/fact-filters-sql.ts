import type { FactFilters } from '../../schemas/fact-query.js'

export interface SqlFragment {
  sql: string
  params: unknown[]
}

// A list travels as one JSON parameter, so the SQL text does not vary with the number of
// values: the statement cache holds one statement per combination of filters, not per count.
const LIST = 'SELECT value FROM json_each(?)'
const list = (values: readonly unknown[]) => JSON.stringify(values)

/**
 * Translates filters into a WHERE clause over `facts f` (and the `matches m` CTE when `q` is
 * set). Every value is a bound parameter; only fixed SQL text is concatenated.
 */
export function filtersToSql(filters: FactFilters): SqlFragment {
  const clauses: string[] = []
  const params: unknown[] = []
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql)
    params.push(...values)
  }
  // Categories and forms are few, so each matches many facts: walking facts in sort order and
  // probing stops as soon as a page is full. Actors and sources are many and each matches few:
  // starting from their index rows is cheaper (measured with npm run bench).
  const anyOf = (table: string, column: string, values: readonly string[]) =>
    add(`EXISTS (SELECT 1 FROM ${table} x WHERE x.fact_rowid = f.rowid AND x.${column} IN (${LIST}))`, list(values))
  const inAnyOf = (table: string, column: string, values: readonly string[]) =>
    add(`f.rowid IN (SELECT x.fact_rowid FROM ${table} x WHERE x.${column} IN (${LIST}))`, list(values))

  if (filters.year?.length) add(`f.year IN (${LIST})`, list(filters.year))
  if (filters.yearFrom !== undefined) add('f.year >= ?', filters.yearFrom)
  if (filters.yearTo !== undefined) add('f.year <= ?', filters.yearTo)
  if (filters.category?.length) anyOf('fact_categories', 'category', filters.category)
  if (filters.form?.length) anyOf('fact_forms', 'form', filters.form)
  if (filters.actor?.length) inAnyOf('fact_actors', 'actor_id', filters.actor)
  if (filters.actorType !== undefined) {
    add('EXISTS (SELECT 1 FROM fact_actors x JOIN actors a ON a.id = x.actor_id WHERE x.fact_rowid = f.rowid AND a.type = ?)', filters.actorType)
  }
  if (filters.country !== undefined) add('f.country = ?', filters.country)
  if (filters.source !== undefined) inAnyOf('evidence', 'source_id', [filters.source])
  if (filters.hasFigures !== undefined) add(filters.hasFigures ? 'f.figure_count > 0' : 'f.figure_count = 0')
  return { sql: clauses.length ? clauses.join(' AND ') : '1', params }
}

/**
 * The full-text CTE, or none. User text never reaches FTS5 syntax: it is cut into words and
 * each word is quoted, so `q` cannot raise an FTS5 syntax error, and all words must match.
 */
export function searchCte(q: string | undefined): SqlFragment {
  if (q === undefined) return { sql: '', params: [] }
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? []
  const match = words.map((w) => `"${w}"`).join(' ')
  // statement hits weigh more than quote hits: the statement is the curated claim
  return {
    sql: 'WITH matches AS (SELECT rowid, bm25(facts_search, 2.0, 1.0) AS rank FROM facts_search WHERE facts_search MATCH ?) ',
    params: [match]
  }
}

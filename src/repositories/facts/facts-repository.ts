import type { Database, Statement } from 'better-sqlite3'
import type { Fact } from '../../schemas/fact.js'
import type { FactFilters, FactSort } from '../../schemas/fact-query.js'
import { filtersToSql, searchCte } from './fact-filters-sql.js'
import { FACT_COLUMNS, toFact, type FactRow } from './fact-row.js'
import { SORT_PLANS, keysetCondition, orderBy, type KeysetPosition } from './fact-sort.js'
import { facetQueries, type FacetRow } from './facet-queries.js'
import { filterKey } from './filter-key.js'
import { memoize } from './memo.js'

export interface FactPageRequest {
  filters: FactFilters
  sort: FactSort
  limit: number
  after?: KeysetPosition | undefined
}

export interface FactPage {
  facts: Fact[]
  /** Position of the last fact when more follow, else null. */
  next: KeysetPosition | null
}

export type FacetCounts = Record<'year' | 'category' | 'form' | 'actor' | 'country', FacetRow[]>

const MEMO_CAPACITY = 1000

export function createFactsRepository(db: Database) {
  // The SQL text depends only on which filters are present, the sort and whether a cursor is
  // given (list values are one JSON parameter), so caching statements by their text stays bounded.
  const statements = new Map<string, Statement>()
  const prepare = (sql: string) => {
    let statement = statements.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }
  const from = (filters: FactFilters) => {
    const cte = searchCte(filters.q)
    const where = filtersToSql(filters)
    const join = filters.q === undefined ? '' : ' JOIN matches m ON m.rowid = f.rowid'
    return { prefix: cte.sql, from: `FROM facts f${join}`, where: where.sql, params: [...cte.params, ...where.params] }
  }
  const byId = db.prepare(`SELECT ${FACT_COLUMNS} FROM facts f WHERE f.id = ?`)

  function page({ filters, sort, limit, after }: FactPageRequest): FactPage {
    const plan = SORT_PLANS[sort]
    const q = from(filters)
    const keyset = keysetCondition(plan, after)
    const sql = `${q.prefix}SELECT ${FACT_COLUMNS}, ${plan.key} AS sort_key ${q.from}
      WHERE ${q.where} AND ${keyset.sql} ${orderBy(plan)} LIMIT ?`
    const rows = prepare(sql).all(...q.params, ...keyset.params, limit + 1) as (FactRow & { sort_key: number | string })[]
    const hasMore = rows.length > limit
    const pageRows = hasMore ? rows.slice(0, limit) : rows
    const last = pageRows.at(-1)
    return {
      facts: pageRows.map(toFact),
      next: hasMore && last ? { key: last.sort_key, id: last.id } : null
    }
  }

  // Counting and faceting visit every matching fact, unlike a page; clients re-ask them for each
  // page and each refresh, so their answers are kept per distinct filter set.
  const count = memoize(
    (filters: FactFilters): number => {
      const q = from(filters)
      return prepare(`${q.prefix}SELECT count(*) ${q.from} WHERE ${q.where}`).pluck().get(...q.params) as number
    },
    filterKey,
    MEMO_CAPACITY
  )

  const facets = memoize(
    (filters: FactFilters): FacetCounts => {
      const q = from(filters)
      const run = (select: string) =>
        prepare(`${q.prefix}${select.replace('{FROM}', q.from).replace('{WHERE}', q.where)}`).all(...q.params) as FacetRow[]
      return {
        year: run(facetQueries.year),
        category: run(facetQueries.category),
        form: run(facetQueries.form),
        actor: run(facetQueries.actor),
        country: run(facetQueries.country)
      }
    },
    filterKey,
    MEMO_CAPACITY
  )

  return {
    page,
    count,
    facets,

    /** Every matching fact in order, fetched in keyset batches so memory stays flat. */
    *iterate(filters: FactFilters, sort: FactSort, batchSize = 200): Generator<Fact> {
      let after: KeysetPosition | undefined
      do {
        const batch = page({ filters, sort, limit: batchSize, after })
        yield* batch.facts
        after = batch.next ?? undefined
      } while (after)
    },

    findById(id: string): Fact | undefined {
      const row = byId.get(id) as FactRow | undefined
      return row && toFact(row)
    }
  }
}

export type FactsRepository = ReturnType<typeof createFactsRepository>

import type { FactSort } from '../../schemas/fact-query.js'

export interface SortPlan {
  /** The sort key expression; must match the index expressions in migrations/001_schema.sql. */
  key: string
  direction: 'ASC' | 'DESC'
}

export const SORT_PLANS: Record<FactSort, SortPlan> = {
  '-year': { key: 'COALESCE(f.year, -1)', direction: 'DESC' },
  year: { key: 'COALESCE(f.year, 10000)', direction: 'ASC' },
  id: { key: 'f.id', direction: 'ASC' },
  relevance: { key: 'm.rank', direction: 'ASC' }
}

export interface KeysetPosition {
  key: number | string
  id: string
}

export function orderBy(plan: SortPlan): string {
  return plan.key === 'f.id' ? 'ORDER BY f.id ASC' : `ORDER BY ${plan.key} ${plan.direction}, f.id ASC`
}

/** Rows strictly after `after` in the plan's order; ties on the key are broken by id. */
export function keysetCondition(plan: SortPlan, after: KeysetPosition | undefined): { sql: string; params: unknown[] } {
  if (!after) return { sql: '1', params: [] }
  if (plan.key === 'f.id') return { sql: 'f.id > ?', params: [after.id] }
  const beyond = plan.direction === 'DESC' ? '<' : '>'
  // The leading `key <=/>= ?` bounds the index range so the scan starts at the cursor; the OR
  // alone would make SQLite walk the index from the first row, page 1,000 costing 1,000 pages.
  return {
    sql: `${plan.key} ${beyond}= ? AND (${plan.key} ${beyond} ? OR f.id > ?)`,
    params: [after.key, after.key, after.id]
  }
}

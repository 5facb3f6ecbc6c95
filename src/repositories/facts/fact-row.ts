import type { Fact } from '../../schemas/fact.js'

/**
 * Columns that assemble a whole fact in one row: the related lists are aggregated as JSON in
 * SQL, so a page of facts costs one query rather than one per fact and relation.
 */
export const FACT_COLUMNS = `
  f.id, f.statement, f.year, f.year_inferred, f.when_text, f.country, f.places, f.flags, f.note,
  (SELECT json_group_array(x.category ORDER BY x.position) FROM fact_categories x WHERE x.fact_rowid = f.rowid) AS categories,
  (SELECT json_group_array(x.form ORDER BY x.position) FROM fact_forms x WHERE x.fact_rowid = f.rowid) AS forms,
  (SELECT json_group_array(json_object('id', a.id, 'name', a.name, 'type', a.type) ORDER BY x.position)
     FROM fact_actors x JOIN actors a ON a.id = x.actor_id WHERE x.fact_rowid = f.rowid) AS actors,
  (SELECT json_group_array(json_object('value', x.value, 'unit', x.unit, 'qualifier', x.qualifier, 'label', x.label) ORDER BY x.position)
     FROM figures x WHERE x.fact_rowid = f.rowid) AS figures,
  (SELECT json_group_array(json_object('sourceId', x.source_id, 'quote', x.quote, 'start', x.start, 'end', x.end,
       'attribution', x.attribution) ORDER BY x.position)
     FROM evidence x WHERE x.fact_rowid = f.rowid) AS evidence`

export interface FactRow {
  id: string
  statement: string
  year: number | null
  year_inferred: number
  when_text: string | null
  country: string
  places: string
  flags: string
  note: string | null
  categories: string
  forms: string
  actors: string
  figures: string
  evidence: string
}

export function toFact(row: FactRow): Fact {
  return {
    id: row.id,
    statement: row.statement,
    year: row.year,
    yearInferred: row.year_inferred === 1,
    when: row.when_text,
    country: row.country,
    places: JSON.parse(row.places),
    categories: JSON.parse(row.categories),
    forms: JSON.parse(row.forms),
    actors: JSON.parse(row.actors),
    figures: JSON.parse(row.figures),
    evidence: JSON.parse(row.evidence),
    flags: JSON.parse(row.flags),
    note: row.note
  }
}

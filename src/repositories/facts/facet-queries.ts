export interface FacetRow {
  value: string | number | null
  label: string | null
  count: number
}

// {FROM} and {WHERE} are replaced by the fixed SQL of the filters; values stay bound parameters.
// One small query per facet, as Datasette does: each is an index walk over the matching facts.
export const facetQueries = {
  year: 'SELECT f.year AS value, NULL AS label, count(*) AS count {FROM} WHERE {WHERE} GROUP BY f.year',
  category: `SELECT j.category AS value, t.label AS label, count(*) AS count {FROM}
    JOIN fact_categories j ON j.fact_rowid = f.rowid JOIN categories t ON t.slug = j.category
    WHERE {WHERE} GROUP BY j.category`,
  form: `SELECT j.form AS value, t.label AS label, count(*) AS count {FROM}
    JOIN fact_forms j ON j.fact_rowid = f.rowid JOIN forms t ON t.slug = j.form
    WHERE {WHERE} GROUP BY j.form`,
  actor: `SELECT j.actor_id AS value, a.name AS label, count(*) AS count {FROM}
    JOIN fact_actors j ON j.fact_rowid = f.rowid JOIN actors a ON a.id = j.actor_id
    WHERE {WHERE} GROUP BY j.actor_id`,
  country: 'SELECT f.country AS value, NULL AS label, count(*) AS count {FROM} WHERE {WHERE} GROUP BY f.country'
} as const

import type { Database } from 'better-sqlite3'
import type { CuratedData } from '../curation/load-curated-data.js'

const json = (value: unknown) => JSON.stringify(value)

export function insertCuratedData(db: Database, data: CuratedData, build: { builtAt: Date; filesHash: string }): void {
  const info = db.prepare('INSERT INTO dataset_info (key, value) VALUES (?, ?)')
  info.run('title', data.dataset.title)
  info.run('version', data.dataset.version)
  info.run('license', data.dataset.license)
  info.run('content_hash', data.contentHash)
  info.run('built_at', build.builtAt.toISOString())
  info.run('files_hash', build.filesHash)

  for (const [table, terms] of [
    ['categories', data.categories],
    ['forms', data.forms],
    ['actor_types', data.actorTypes]
  ] as const) {
    // table names come from the constant list above, never from input
    const insert = db.prepare(`INSERT INTO ${table} (slug, label, description, position) VALUES (?, ?, ?, ?)`)
    terms.forEach((t, position) => insert.run(t.slug, t.label, t.description, position))
  }

  const actor = db.prepare('INSERT INTO actors (id, name, type, description, aliases) VALUES (?, ?, ?, ?, ?)')
  for (const a of data.actors) actor.run(a.id, a.name, a.type, a.description, json(a.aliases))

  const source = db.prepare(`INSERT INTO sources
    (id, title, publisher, published_at, url, retrieved_at, license, sha256, note, text, text_length)
    VALUES (@id, @title, @publisher, @publishedAt, @url, @retrievedAt, @license, @sha256, @note, @text, @textLength)`)
  for (const s of data.sources) source.run({ ...s.metadata, text: s.text, textLength: s.text.length })

  const fact = db.prepare(`INSERT INTO facts
    (id, statement, year, year_inferred, when_text, country, places, flags, note, figure_count)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const category = db.prepare('INSERT INTO fact_categories (fact_rowid, category, position) VALUES (?, ?, ?)')
  const form = db.prepare('INSERT INTO fact_forms (fact_rowid, form, position) VALUES (?, ?, ?)')
  const factActor = db.prepare('INSERT INTO fact_actors (fact_rowid, actor_id, position) VALUES (?, ?, ?)')
  const figure = db.prepare(`INSERT INTO figures (fact_rowid, position, value, unit, qualifier, label)
    VALUES (?, ?, ?, ?, ?, ?)`)
  const evidence = db.prepare(`INSERT INTO evidence (fact_rowid, position, source_id, quote, start, end, attribution)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const search = db.prepare('INSERT INTO facts_search (rowid, statement, quotes) VALUES (?, ?, ?)')

  for (const { fact: f } of data.facts) {
    const { lastInsertRowid: rowid } = fact.run(
      f.id, f.statement, f.year, f.yearInferred ? 1 : 0, f.when, f.country,
      json(f.places), json(f.flags), f.note, f.figures.length
    )
    f.categories.forEach((c, i) => category.run(rowid, c, i))
    f.forms.forEach((x, i) => form.run(rowid, x, i))
    f.actors.forEach((a, i) => factActor.run(rowid, a, i))
    f.figures.forEach((g, i) => figure.run(rowid, i, g.value, g.unit, g.qualifier, g.label))
    f.evidence.forEach((e, i) => evidence.run(rowid, i, e.sourceId, e.quote, e.start, e.end, e.attribution))
    search.run(rowid, f.statement, f.evidence.map((e) => e.quote).join('\n'))
  }
}

import type { Database } from 'better-sqlite3'
import { flagSlug, type CuratedFact } from '../curation/curated-schemas.js'
import type { CuratedHeader } from '../curation/open-curated-data.js'
import { spanKey } from '../curation/origin-schemas.js'
import { NO_YEAR, type DimensionValues } from '../facts-index/dimensions.js'
import type { StagedDimensions } from './staged-dimensions.js'
import { factSchema, type Fact } from '../schemas/fact.js'
import { countryName } from '../schemas/fact-filters.js'
import { factJson } from './fact-json.js'

const json = (value: unknown) => JSON.stringify(value)
const distinct = (values: string[]) => [...new Set(values)]

/**
 * Writes the vocabularies and sources, then returns a function that stages one fact (its
 * dimension values go to `dimensions`, in staging order).
 */
export function createFactStager(db: Database, header: CuratedHeader, dimensions: StagedDimensions): (fact: CuratedFact) => void {
  for (const [table, terms] of [
    ['categories', header.categories],
    ['forms', header.forms],
    ['actor_types', header.actorTypes],
    ['units', header.units],
    ['flags', header.flags]
  ] as const) {
    // table names come from the constant list above, never from input
    const insert = db.prepare(`INSERT INTO ${table} (slug, label, description, position) VALUES (?, ?, ?, ?)`)
    terms.forEach((t, position) => insert.run(t.slug, t.label, t.description, position))
  }
  const actor = db.prepare('INSERT INTO actors (id, name, type, description, aliases) VALUES (?, ?, ?, ?, ?)')
  for (const a of header.actors) actor.run(a.id, a.name, a.type, a.description, json(a.aliases))
  const source = db.prepare(`INSERT INTO sources
    (id, title, publisher, published_at, url, retrieved_at, license, sha256, note, text, text_length)
    VALUES (@id, @title, @publisher, @publishedAt, @url, @retrievedAt, @license, @sha256, @note, @text, @textLength)`)
  for (const s of header.sources) source.run({ ...s.metadata, text: s.text, textLength: s.text.length })
  const skipped = db.prepare('INSERT INTO skipped_spans (source_id, start, end, reason, note) VALUES (?, ?, ?, ?, ?)')
  for (const s of header.sources) for (const span of s.skipped) skipped.run(s.metadata.id, span.start, span.end, span.reason, span.note)

  const actors = new Map(header.actors.map((a) => [a.id, { id: a.id, name: a.name, type: a.type }]))
  const origins = new Map(header.sources.map((s) => [s.metadata.id, new Map(s.origins.map((o) => [spanKey(o.start, o.end), o.origin]))]))
  const stage = db.prepare('INSERT INTO staging.staged_facts (id, year, json, members, statement, quotes) VALUES (?, ?, ?, ?, ?, ?)')

  return (curated) => {
    const evidenceOrigins = curated.evidence.map(({ sourceId, start, end }) => origins.get(sourceId)?.get(spanKey(start, end)) ?? null)
    const publishedYear = earliestYear(evidenceOrigins)
    // the served JSON is checked against the public schema here, once, instead of per request
    const fact: Fact = factSchema.parse({
      id: curated.id,
      statement: curated.statement,
      year: curated.year,
      yearInferred: curated.yearInferred,
      when: curated.when,
      publishedYear,
      country: curated.country,
      relatedCountries: curated.relatedCountries.map(({ code, role }) => ({ code, name: countryName(code), role })),
      places: curated.places.map((p) => (typeof p === 'string' ? p : p.name)),
      subdivisions: curated.places.filter((p) => typeof p !== 'string'),
      categories: curated.categories,
      forms: curated.forms,
      actors: curated.actors.map((id) => actors.get(id)),
      figures: curated.figures,
      evidence: curated.evidence.map(({ sourceId, quote, start, end, attribution }, i) => ({
        sourceId, quote, start, end, attribution, origin: evidenceOrigins[i]
      })),
      flags: curated.flags,
      note: curated.note
    })
    const values: DimensionValues = {
      year: [curated.year === null ? NO_YEAR : String(curated.year)],
      publishedYear: [publishedYear === null ? NO_YEAR : String(publishedYear)],
      category: distinct(curated.categories),
      form: distinct(curated.forms),
      actor: distinct(curated.actors),
      actorType: distinct(fact.actors.map((a) => a.type)),
      country: [curated.country],
      relatedCountry: distinct(curated.relatedCountries.map((r) => r.code)),
      source: distinct(curated.evidence.map((e) => e.sourceId)),
      unit: distinct(curated.figures.map((f) => f.unit)),
      // a conflict is found by its flag, whichever fact it names
      flag: distinct(curated.flags.map(flagSlug)),
      // an age bound is a number but not a quantity: hasFigures promises something to add up
      hasFigures: [String(curated.figures.some((f) => f.kind === 'quantity'))]
    }
    const stored = factJson(fact)
    stage.run(fact.id, fact.year, stored.json, stored.members, fact.statement, fact.evidence.map((e) => e.quote).join('\n'))
    dimensions.add(values)
  }
}

/**
 * The year a fact's claim was published: the earliest year among the documents its evidence was
 * first published in (db/origins), since the claim was public from then on; null when no origin
 * gives a year. Derived only from those documents, never guessed.
 */
export function earliestYear(origins: ({ year: number | null } | null)[]): number | null {
  const years = origins.flatMap((o) => (o?.year == null ? [] : [o.year]))
  return years.length ? Math.min(...years) : null
}

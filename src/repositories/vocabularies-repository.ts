import type { Database } from 'better-sqlite3'
import { NO_YEAR } from '../facts-index/dimensions.js'
import { countryName } from '../schemas/fact-filters.js'
import type { Actor, Term } from '../schemas/vocabulary.js'

export type TermVocabulary = 'categories' | 'forms' | 'actor_types' | 'units' | 'flags'

interface ActorRow extends Omit<Actor, 'aliases'> {
  aliases: string
}

const toActor = (row: ActorRow): Actor => ({ ...row, aliases: JSON.parse(row.aliases) })

/** Categories, forms, actor types, units, flags and actors, each term with the number of facts that use it. */
export function createVocabulariesRepository(db: Database) {
  // fact counts are the sizes of the posting lists the build wrote: no counting per request
  const factCount = (dimension: string, value: string) =>
    `COALESCE((SELECT p.cardinality FROM postings p WHERE p.dimension = '${dimension}' AND p.value = ${value}), 0) AS factCount`
  const termStatements = {
    categories: db.prepare(`SELECT t.slug, t.label, t.description, ${factCount('category', 't.slug')} FROM categories t ORDER BY t.position`),
    forms: db.prepare(`SELECT t.slug, t.label, t.description, ${factCount('form', 't.slug')} FROM forms t ORDER BY t.position`),
    actor_types: db.prepare(`SELECT t.slug, t.label, t.description, ${factCount('actorType', 't.slug')} FROM actor_types t ORDER BY t.position`),
    units: db.prepare(`SELECT t.slug, t.label, t.description, ${factCount('unit', 't.slug')} FROM units t ORDER BY t.position`),
    flags: db.prepare(`SELECT t.slug, t.label, t.description, ${factCount('flag', 't.slug')} FROM flags t ORDER BY t.position`)
  }
  const actorColumns = `a.id, a.name, a.type, a.description, a.aliases, ${factCount('actor', 'a.id')}`
  const allActors = db.prepare(`SELECT ${actorColumns} FROM actors a ORDER BY a.id`)
  const actorsOfType = db.prepare(`SELECT ${actorColumns} FROM actors a WHERE a.type = ? ORDER BY a.id`)
  const actorById = db.prepare(`SELECT ${actorColumns} FROM actors a WHERE a.id = ?`)
  const years = db.prepare(`SELECT CAST(value AS INTEGER) AS year, cardinality AS factCount FROM postings
    WHERE dimension = 'year' AND value <> '${NO_YEAR}' ORDER BY year`)

  const countries = db.prepare(`SELECT value AS code, cardinality AS factCount FROM postings
    WHERE dimension = 'country' ORDER BY value`)

  const terms = (vocabulary: TermVocabulary) => termStatements[vocabulary].all() as Term[]

  return {
    terms,
    term(vocabulary: TermVocabulary, slug: string): Term | undefined {
      return terms(vocabulary).find((t) => t.slug === slug)
    },
    actors(type?: string): Actor[] {
      const rows = (type === undefined ? allActors.all() : actorsOfType.all(type)) as ActorRow[]
      return rows.map(toActor)
    },
    actor(id: string): Actor | undefined {
      const row = actorById.get(id) as ActorRow | undefined
      return row && toActor(row)
    },
    years(): { year: number; factCount: number }[] {
      return years.all() as { year: number; factCount: number }[]
    },
    /** The countries facts are about (`country`), by code, with their English names. */
    countries(): { code: string; name: string; factCount: number }[] {
      return (countries.all() as { code: string; factCount: number }[]).map((c) => ({ ...c, name: countryName(c.code) }))
    }
  }
}

export type VocabulariesRepository = ReturnType<typeof createVocabulariesRepository>

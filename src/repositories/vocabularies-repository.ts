import type { Database } from 'better-sqlite3'
import type { Actor, Term } from '../schemas/vocabulary.js'

export type TermVocabulary = 'categories' | 'forms' | 'actor_types'

interface ActorRow extends Omit<Actor, 'aliases'> {
  aliases: string
}

const toActor = (row: ActorRow): Actor => ({ ...row, aliases: JSON.parse(row.aliases) })

/** Categories, forms, actor types and actors, each term with the number of facts that use it. */
export function createVocabulariesRepository(db: Database) {
  const termStatements = {
    categories: db.prepare(`SELECT t.slug, t.label, t.description,
      (SELECT count(*) FROM fact_categories x WHERE x.category = t.slug) AS factCount
      FROM categories t ORDER BY t.position`),
    forms: db.prepare(`SELECT t.slug, t.label, t.description,
      (SELECT count(*) FROM fact_forms x WHERE x.form = t.slug) AS factCount
      FROM forms t ORDER BY t.position`),
    actor_types: db.prepare(`SELECT t.slug, t.label, t.description,
      (SELECT count(DISTINCT x.fact_rowid) FROM fact_actors x JOIN actors a ON a.id = x.actor_id WHERE a.type = t.slug) AS factCount
      FROM actor_types t ORDER BY t.position`)
  }
  const actorColumns = `a.id, a.name, a.type, a.description, a.aliases,
    (SELECT count(*) FROM fact_actors x WHERE x.actor_id = a.id) AS factCount`
  const allActors = db.prepare(`SELECT ${actorColumns} FROM actors a ORDER BY a.id`)
  const actorsOfType = db.prepare(`SELECT ${actorColumns} FROM actors a WHERE a.type = ? ORDER BY a.id`)
  const actorById = db.prepare(`SELECT ${actorColumns} FROM actors a WHERE a.id = ?`)
  const actorIds = db.prepare('SELECT id FROM actors').pluck()
  const years = db.prepare(`SELECT year, count(*) AS factCount FROM facts
    WHERE year IS NOT NULL GROUP BY year ORDER BY year`)

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
    actorIds(): Set<string> {
      return new Set(actorIds.all() as string[])
    },
    years(): { year: number; factCount: number }[] {
      return years.all() as { year: number; factCount: number }[]
    }
  }
}

export type VocabulariesRepository = ReturnType<typeof createVocabulariesRepository>

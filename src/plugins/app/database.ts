import type { Database } from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config/config.js'
import type { VocabularyLabels } from '../../schemas/fact-facets.js'
import type { Vocabularies } from '../../schemas/fact-filters.js'
import { openDatabase } from '../../database/open-database.js'
import { createFactsRepository, type FactsRepository } from '../../repositories/facts/facts-repository.js'
import { createMetaRepository, type DatasetInfo, type MetaRepository } from '../../repositories/meta-repository.js'
import { createSourcesRepository, type SourcesRepository } from '../../repositories/sources-repository.js'
import { createVocabulariesRepository, type VocabulariesRepository } from '../../repositories/vocabularies-repository.js'

declare module 'fastify' {
  interface FastifyInstance {
    db: Database
    repositories: {
      facts: FactsRepository
      vocabularies: VocabulariesRepository
      sources: SourcesRepository
      meta: MetaRepository
    }
    /** Read once at start: the dataset is immutable while the process serves it. */
    dataset: DatasetInfo & { vocabularies: Vocabularies; labels: VocabularyLabels }
  }
}

export default fp(
  async function database(app: FastifyInstance, config: Config) {
    const db = openDatabase({
      databasePath: config.DATABASE_PATH,
      dataDir: config.DATA_DIR,
      migrationsDir: config.MIGRATIONS_DIR,
      log: app.log
    })
    app.addHook('onClose', async () => db.close())
    const vocabularies = createVocabulariesRepository(db)
    const sources = createSourcesRepository(db)
    const meta = createMetaRepository(db)
    app.decorate('db', db)
    app.decorate('repositories', { facts: createFactsRepository(db), vocabularies, sources, meta })
    const categories = vocabularies.terms('categories')
    const forms = vocabularies.terms('forms')
    const actors = vocabularies.actors()
    const units = vocabularies.terms('units')
    const flags = vocabularies.terms('flags')
    app.decorate('dataset', {
      ...meta.datasetInfo(),
      vocabularies: {
        categories: new Set(categories.map((t) => t.slug)),
        forms: new Set(forms.map((t) => t.slug)),
        actorTypes: new Set(vocabularies.terms('actor_types').map((t) => t.slug)),
        actors: new Set(actors.map((a) => a.id)),
        sources: sources.ids(),
        units: new Set(units.map((t) => t.slug)),
        flags: new Set(flags.map((t) => t.slug))
      },
      labels: {
        categories: new Map(categories.map((t) => [t.slug, t.label])),
        forms: new Map(forms.map((t) => [t.slug, t.label])),
        actors: new Map(actors.map((a) => [a.id, a.name])),
        units: new Map(units.map((t) => [t.slug, t.label])),
        flags: new Map(flags.map((t) => [t.slug, t.label]))
      }
    })
  },
  { name: 'database' }
)

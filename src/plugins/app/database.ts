import type { Database } from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config/config.js'
import { openDatabase } from '../../database/open-database.js'
import { createFactsRepository, type FactsRepository } from '../../repositories/facts/facts-repository.js'
import { createMetaRepository, type DatasetInfo, type MetaRepository } from '../../repositories/meta-repository.js'
import { createSourcesRepository, type SourcesRepository } from '../../repositories/sources-repository.js'
import { createVocabulariesRepository, type VocabulariesRepository } from '../../repositories/vocabularies-repository.js'

/** The valid values of each filter, in display order. */
export interface Vocabularies {
  categories: Set<string>
  forms: Set<string>
  actorTypes: Set<string>
  actors: Set<string>
  sources: Set<string>
}

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
    dataset: DatasetInfo & { vocabularies: Vocabularies }
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
    app.decorate('dataset', {
      ...meta.datasetInfo(),
      vocabularies: {
        categories: new Set(vocabularies.terms('categories').map((t) => t.slug)),
        forms: new Set(vocabularies.terms('forms').map((t) => t.slug)),
        actorTypes: new Set(vocabularies.terms('actor_types').map((t) => t.slug)),
        actors: vocabularies.actorIds(),
        sources: sources.ids()
      }
    })
  },
  { name: 'database' }
)

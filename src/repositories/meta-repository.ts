import type { Database } from 'better-sqlite3'

export interface DatasetInfo {
  title: string
  version: string
  /** The day this version of the data was released (ISO 8601 date), from db/dataset.yaml. */
  released: string
  contentHash: string
  builtAt: string
  license: string
  counts: { facts: number; sources: number; actors: number; categories: number; forms: number }
}

export function createMetaRepository(db: Database) {
  const info = db.prepare('SELECT key, value FROM dataset_info')
  const counts = db.prepare(`SELECT
    (SELECT count(*) FROM facts) AS facts, (SELECT count(*) FROM sources) AS sources,
    (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM categories) AS categories,
    (SELECT count(*) FROM forms) AS forms`)
  const ping = db.prepare('SELECT 1').pluck()

  return {
    datasetInfo(): DatasetInfo {
      const values = Object.fromEntries((info.all() as { key: string; value: string }[]).map((r) => [r.key, r.value]))
      return {
        title: values.title ?? '',
        version: values.version ?? '',
        released: values.released ?? '',
        contentHash: values.content_hash ?? '',
        builtAt: values.built_at ?? '',
        license: values.license ?? '',
        counts: counts.get() as DatasetInfo['counts']
      }
    },
    /** True when the database answers a query: what readiness means for this service. */
    isAnswering(): boolean {
      try {
        return ping.get() === 1
      } catch {
        return false
      }
    }
  }
}

export type MetaRepository = ReturnType<typeof createMetaRepository>

import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'

const MIGRATION_FILE = /^(\d+)_([a-z0-9-]+)\.sql$/

export interface Migration {
  version: number
  name: string
  sql: string
}

export function readMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((m): m is { file: string; match: RegExpExecArray } => m.match !== null)
    .map(({ file, match }) => ({
      version: Number(match[1]),
      name: match[2] as string,
      sql: readFileSync(join(dir, file), 'utf8')
    }))
    .sort((a, b) => a.version - b.version)
  const versions = migrations.map((m) => m.version)
  if (new Set(versions).size !== versions.length) throw new Error(`${dir}: two migrations share a version number`)
  return migrations
}

/** Applies the migrations not yet recorded in `schema_migrations`, in version order. */
export function applyMigrations(db: Database, migrations: Migration[], appliedAt: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`)
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]
  )
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue
    db.exec(migration.sql)
    record.run(migration.version, migration.name, appliedAt)
  }
}

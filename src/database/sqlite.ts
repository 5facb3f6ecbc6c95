import Database from 'better-sqlite3'

// better-sqlite3 12 aborts the process on Node 24 when a Database or Statement object is
// garbage-collected (its destructor asserts in node::RemoveEnvironmentCleanupHook; upstream
// WiseLibs/better-sqlite3#1515, closed without a fix). Version 13 fixes it but crashes on
// Node 20, which this service must also support. So every handle opened here stays reachable
// for the life of the process: a few dozen small objects, never collected, never crashing.
const keptAlive = new Set<object>()

function keepAlive<T extends object>(handle: T): T {
  keptAlive.add(handle)
  return handle
}

export function openSqlite(path: string, options?: Database.Options): Database.Database {
  const db = keepAlive(new Database(path, options))
  const prepare = db.prepare.bind(db)
  // transaction() keeps its statements per database; pragma() prepares past this property and
  // drops the statement, so callers use exec('PRAGMA …') instead
  db.prepare = ((source: string) => keepAlive(prepare(source))) as typeof db.prepare
  return db
}

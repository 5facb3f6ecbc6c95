import { randomBytes } from 'node:crypto'
import { readdirSync, rmSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export interface BuildFiles {
  /** The new database, renamed over the output once complete. */
  temporary: string
  /** Facts as read, before they are numbered: deleted once the build ends. */
  staging: string
}

// `<output>.build-<hex>.tmp`, and `<output>.<pid>.<ms>.tmp` as builds named them before the lock
// (whose journals were files, hence `-journal`): a volume may still hold those from a crash
const LEFTOVER = /^\.(?:build-[0-9a-f]+|\d+\.\d+)\.tmp(?:\.staging)?(?:-journal)?$/

/**
 * Names for one build's files, next to the output so that the final rename stays on one
 * filesystem and is atomic. Random rather than pid and clock: replicas in containers on one
 * volume usually all run as pid 1 and may start in the same millisecond.
 */
export function newBuildFiles(outputPath: string): BuildFiles {
  const temporary = `${outputPath}.build-${randomBytes(6).toString('hex')}.tmp`
  return { temporary, staging: `${temporary}.staging` }
}

/**
 * Deletes what builds of `outputPath` killed before they finished left behind, and returns the
 * names. Only the holder of the build lock may call it: then no other build is running, so
 * every such file is a dead one's, and at most one dead build's files exist at any time.
 */
export function removeLeftovers(outputPath: string): string[] {
  const prefix = basename(outputPath)
  const leftovers = readdirSync(dirname(outputPath)).filter((name) => name.startsWith(prefix) && LEFTOVER.test(name.slice(prefix.length)))
  for (const name of leftovers) rmSync(join(dirname(outputPath), name), { force: true })
  return leftovers
}

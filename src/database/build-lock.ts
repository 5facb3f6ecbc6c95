import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { removeLeftovers } from './build-temp-files.js'

export interface LockOptions {
  /** Called once if another process holds the lock, before waiting for it. */
  onWait?: () => void
  /** How long to wait for another process's build before giving up (default 15 minutes). */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 15 * 60_000

/**
 * Runs `work` while no other process builds `outputPath`: replicas starting together on one
 * volume build one after the other, never side by side. The lock is SQLite's own exclusive
 * lock on `<output>.lock` (an empty file that stays), which the kernel drops when its holder
 * exits however it exits: a builder killed with SIGKILL leaves no stale lock to detect by pid
 * or age, as a lock file made with `open(…, 'wx')` would. Whoever holds it first deletes what
 * killed builds left behind.
 */
export function holdingBuildLock<T>(outputPath: string, work: () => T, { onWait, timeoutMs = DEFAULT_TIMEOUT_MS }: LockOptions = {}): T {
  mkdirSync(dirname(outputPath), { recursive: true })
  const lock = new Database(`${outputPath}.lock`, { timeout: 0 })
  try {
    if (!tryLock(lock)) {
      onWait?.()
      lock.pragma(`busy_timeout = ${timeoutMs}`)
      if (!tryLock(lock)) {
        throw new Error(`${outputPath} has been being built by another process for over ${timeoutMs / 1000} s; start again once that build ends`)
      }
    }
    removeLeftovers(outputPath)
    return work()
  } finally {
    // closing ends the transaction and with it the lock
    lock.close()
  }
}

function tryLock(lock: Database.Database): boolean {
  try {
    lock.exec('BEGIN EXCLUSIVE')
    return true
  } catch (error) {
    if (error instanceof Database.SqliteError && error.code === 'SQLITE_BUSY') return false
    throw error
  }
}

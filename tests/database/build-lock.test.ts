import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, expect, test } from 'vitest'
import { holdingBuildLock } from '../../src/database/build-lock.js'

const dir = mkdtempSync(join(tmpdir(), 'facts-lock-'))
const outputPath = join(dir, 'facts.sqlite')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Another builder of the same output, as the kernel sees it: SQLite's exclusive lock on the lock file. */
function holdLock() {
  const other = new Database(`${outputPath}.lock`)
  other.exec('BEGIN EXCLUSIVE')
  return other
}

test('while another process builds the same output, a build waits, then gives up naming the path, touching nothing', () => {
  const other = holdLock()
  // that build's own temporary file: not a leftover while its builder lives
  const running = `${outputPath}.build-0123456789ab.tmp`
  writeFileSync(running, 'being written')
  const events: string[] = []
  try {
    expect(() => holdingBuildLock(outputPath, () => events.push('work'), { onWait: () => events.push('wait'), timeoutMs: 200 })).toThrow(
      `${outputPath} has been being built by another process for over 0.2 s`
    )
  } finally {
    other.close()
  }
  expect(events).toEqual(['wait'])
  expect(existsSync(running)).toBe(true)
  rmSync(running)
})

test('the lock is free again once its holder closes it, whatever the work did', () => {
  expect(() => holdingBuildLock(outputPath, () => { throw new Error('build failed') })).toThrow('build failed')
  const events: string[] = []
  expect(holdingBuildLock(outputPath, () => 42, { onWait: () => events.push('wait'), timeoutMs: 0 })).toBe(42)
  expect(events).toEqual([])
  expect(readdirSync(dir)).toEqual(['facts.sqlite.lock'])
})

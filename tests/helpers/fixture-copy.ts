import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FIXTURE_DATA_DIR } from './paths.js'

/** A scratch copy of the fixture data (or of another dataset), for tests that break it on purpose. */
export function copyFixture(from = FIXTURE_DATA_DIR): { dir: string; dataDir: string; edit: (file: string, change: (text: string) => string) => void } {
  const dir = mkdtempSync(join(tmpdir(), 'facts-data-'))
  const dataDir = join(dir, 'db')
  cpSync(from, dataDir, { recursive: true })
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(dataDir, file)
    const before = readFileSync(path, 'utf8')
    const after = change(before)
    if (after === before) throw new Error(`edit of ${file} changed nothing`)
    writeFileSync(path, after)
  }
  return { dir, dataDir, edit }
}

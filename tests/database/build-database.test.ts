import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, test } from 'vitest'
import { CurationError, type CurationIssue } from '../../src/curation/curation-error.js'
import { buildDatabase } from '../../src/database/build-database.js'
import { copyFixture } from '../helpers/fixture-copy.js'

const FACTS = 'facts/fixture-facts.yaml'
const scratch: string[] = []
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function fixtureCopy() {
  const copy = copyFixture()
  scratch.push(copy.dir)
  const outputPath = join(copy.dir, 'out', 'facts.sqlite')
  const build = () => buildDatabase({ dataDir: copy.dataDir, migrationsDir: 'migrations', outputPath })
  return { ...copy, outputPath, build }
}

function buildError(build: () => unknown): CurationError {
  try {
    build()
  } catch (error) {
    expect(error).toBeInstanceOf(CurationError)
    return error as CurationError
  }
  throw new Error('the build succeeded')
}

// an issue as a line reads: the field, then the reason
const described = (issue: CurationIssue) => [issue.field, issue.reason].filter(Boolean).join(': ')

describe('buildDatabase', () => {
  test('records the applied migrations and indexes facts for full-text search', () => {
    const { build, outputPath } = fixtureCopy()
    build()
    const db = new Database(outputPath, { readonly: true })
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual([
      { version: 1, name: 'schema' },
      { version: 2, name: 'full-text-search' },
      { version: 3, name: 'units-and-flags' },
      { version: 4, name: 'skipped-spans' },
      { version: 5, name: 'fact-members' }
    ])
    expect(db.prepare("SELECT count(*) FROM facts_search WHERE facts_search MATCH 'brick'").pluck().get()).toBe(1)
    db.close()
  })

  test('writes the skipped sentences of each source with their reason', () => {
    const { build, dataDir, outputPath } = fixtureCopy()
    writeFileSync(join(dataDir, 'sources', 'fixture-report.skipped.yaml'),
      '- start: 0\n  end: 77\n  quote: In 2013 the prosecutors charged 18 defendants in seven sex trafficking cases.\n  reason: duplicate\n  note: A note.\n')
    build()
    const db = new Database(outputPath, { readonly: true })
    expect(db.prepare('SELECT source_id AS sourceId, start, end, reason, note FROM skipped_spans').all()).toEqual([
      { sourceId: 'fixture-report', start: 0, end: 77, reason: 'duplicate', note: 'A note.' }
    ])
    db.close()
  })

  test('a wrong offset fails the build naming the file, the fact and the reason, and writes nothing', () => {
    const { build, edit, outputPath } = fixtureCopy()
    edit(FACTS, (t) => t.replace(/(id: fx-2013-raids[\s\S]*?start: )(\d+)/, (_m, head, n) => `${head}${Number(n) + 1}`))
    const error = buildError(build)
    expect(error.issues).toHaveLength(1)
    expect(error.issues[0]).toMatchObject({ file: expect.stringContaining(FACTS), id: 'fx-2013-raids' })
    expect(described(error.issues[0]!)).toMatch(/^evidence\[0\]: quote does not equal text\.slice\(\d+, \d+\)/)
    expect(error.message).toContain('fx-2013-raids')
    expect(existsSync(outputPath)).toBe(false)
    expect(readdirSync(dirname(outputPath)).filter((f) => f.includes('.tmp'))).toEqual([])
  })

  test.each([
    ['an unknown category', (t: string) => t.replace('- assessment', '- judgement'), 'fx-limited-efforts', 'unknown category "judgement"'],
    ['an unknown form', (t: string) => t.replace('- organ-removal', '- organ-trade'), 'fx-2010-organ-clinic', 'unknown form "organ-trade"'],
    ['an unknown actor', (t: string) => t.replace('- fx-cis', '- fx-nobody'), 'fx-cis-plan-not-implemented', 'unknown actor "fx-nobody"'],
    ['an unknown source', (t: string) => t.replace('sourceId: fixture-unicode', 'sourceId: fixture-missing'), 'fx-2017-unicode-moscow', 'unknown source "fixture-missing"'],
    ['an unknown unit', (t: string) => t.replace('unit: prosecutions', 'unit: prosecution'), 'fx-2012-sex-prosecutions', 'figures[0].unit: unknown unit "prosecution"'],
    ['an unknown flag', (t: string) => t.replace('- subject-unclear\n  note: The fixture', '- subject-unknown\n  note: The fixture'), 'ir-officials-condoned-child-recruitment', 'unknown flag "subject-unknown"'],
    ['a fact id after a flag other than conflicts-with', (t: string) => t.replace('- subject-unclear\n  note: The fixture', '- subject-unclear:fx-limited-efforts\n  note: The fixture'), 'ir-officials-condoned-child-recruitment', 'only conflicts-with is followed by a fact id'],
    ['conflicts-with without the other fact', (t: string) => t.replace('- conflicts-with:fx-slavery-estimate-794000', '- conflicts-with'), 'fx-slavery-estimate-million', 'must name the other fact']
  ])('%s fails the build, naming the file, the fact and the reason', (_what, change, id, reason) => {
    const { build, edit, outputPath } = fixtureCopy()
    edit(FACTS, change)
    const error = buildError(build)
    expect(error.issues.find((i) => i.id === id)?.file).toContain(FACTS)
    expect(described(error.issues.find((i) => i.id === id)!)).toContain(reason)
    expect(existsSync(outputPath)).toBe(false)
  })

  test('a duplicate id, a one-sided conflict and a schema error are all reported together', () => {
    const { build, edit } = fixtureCopy()
    edit(FACTS, (t) =>
      t
        .replace('id: fx-2008-recruiters', 'id: fx-2009-domestic-servitude')
        .replace('- conflicts-with:fx-slavery-estimate-million', '- truncated-in-source')
        .replace('qualifier: at-least', 'qualifier: roughly')
    )
    const reasons = buildError(build).issues.map((i) => `${i.id}: ${described(i)}`)
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^fx-2013-labor-prosecutions: figures\[0\]\.qualifier: /),
        expect.stringMatching(/^fx-2009-domestic-servitude: id: fact id is used twice: by .*fixture-facts\.yaml \(record \d+\) and by .*fixture-facts\.yaml \(record \d+\)$/),
        expect.stringMatching(/^fx-slavery-estimate-million: flags: conflicts-with:fx-slavery-estimate-794000 is not answered/)
      ])
    )
  })

  test('a source text that does not match its sha256 fails the build', () => {
    const { build, edit } = fixtureCopy()
    edit('sources/fixture-unicode.txt', (t) => t.replace('Second claim', 'Second  claim'))
    const issue = buildError(build).issues.find((i) => i.id === 'fixture-unicode')
    expect(issue?.reason).toMatch(/^sha256 is [0-9a-f]{64} but the text hashes to [0-9a-f]{64}$/)
  })

  test('a failed build leaves the previous database in place', () => {
    const { build, edit, outputPath } = fixtureCopy()
    build()
    const before = statSync(outputPath).mtimeMs
    edit(FACTS, (t) => t.replace('- assessment', '- judgement'))
    buildError(build)
    expect(statSync(outputPath).mtimeMs).toBe(before)
    const db = new Database(outputPath, { readonly: true })
    expect(db.prepare("SELECT cardinality FROM postings WHERE dimension = 'category' AND value = 'assessment'").pluck().get()).toBe(1)
    db.close()
  })
})

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DATA_DIR, quotesOf, type RawFact, type RawOrigin, readActors, readFacts, readList, readSources, readTerms, SLUG, yamlFilesIn } from '../helpers/shipped-data.js'

// Runs on the data the service ships: each check states a curation rule, so a bad edit to db/
// fails here with the fact id rather than surfacing as a wrong answer from the API. Each rule is
// its own test, reading only the files it needs (tests/helpers/shipped-data.ts).

describe('shipped curated data: references and ids', () => {
  it.each([
    ['category', 'categories', (f: RawFact) => f.categories],
    ['form', 'forms', (f: RawFact) => f.forms],
    ['figure unit', 'units', (f: RawFact) => f.figures.map((fig) => fig.unit)],
    ['flag (before any :<fact id>)', 'flags', (f: RawFact) => f.flags.map((flag) => flag.split(':')[0]!)]
  ] as const)('resolves every fact %s against vocabularies/%s.yaml', (_kind, vocabulary, of) => {
    const known = new Set(readTerms(vocabulary).map((t) => t.slug))
    const bad = readFacts().flatMap((f) => of(f).filter((x) => !known.has(x)).map((x) => `${f.id}: ${x}`))
    expect(bad, `unknown ${vocabulary}`).toEqual([])
  })

  it('resolves every fact actor against vocabularies/actors.yaml', () => {
    const known = new Set(readActors().map((a) => a.id))
    const bad = readFacts().flatMap((f) => f.actors.filter((a) => !known.has(a)).map((a) => `${f.id}: ${a}`))
    expect(bad, 'unknown actors').toEqual([])
  })

  it('resolves every actor type against vocabularies/actor-types.yaml', () => {
    const known = new Set(readTerms('actor-types').map((t) => t.slug))
    const bad = readActors().filter((a) => !known.has(a.type)).map((a) => `${a.id}: ${a.type}`)
    expect(bad, 'unknown actor types').toEqual([])
  })

  it('resolves every evidence source against db/sources', () => {
    const known = new Set(readSources().map((s) => s.id))
    const bad = readFacts().flatMap((f) => f.evidence.filter((e) => !known.has(e.sourceId)).map((e) => `${f.id}: ${e.sourceId}`))
    expect(bad, 'unknown sources').toEqual([])
  })

  it.each([
    ['facts', () => readFacts().map((f) => f.id)],
    ['actors', () => readActors().map((a) => a.id)]
  ] as const)('uses unique, slug-shaped ids for %s', (kind, ids) => {
    const all = ids()
    expect(all.filter((id) => !SLUG.test(id)), `${kind} ids that are not slugs`).toEqual([])
    expect(all.filter((id, i) => all.indexOf(id) !== i), `duplicate ${kind} ids`).toEqual([])
  })

  it('keeps every published fact id (ids may be added, never removed or renamed)', () => {
    const published = readFileSync(new URL('./fact-ids.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
    expect(published.length).toBeGreaterThan(0)
    const current = new Set(readFacts().map((f) => f.id))
    expect(published.filter((id) => !current.has(id)), 'published fact ids that are gone').toEqual([])
  })
})

// Rules from the review of issue 9 §5: each catches a kind of slip the review found.

describe('shipped curated data: actors', () => {
  it('attaches every actor in actors.yaml to at least one fact', () => {
    const used = new Set(readFacts().flatMap((f) => f.actors))
    expect(readActors().filter((a) => !used.has(a.id)).map((a) => a.id), 'actors no fact names: attach or drop them').toEqual([])
  })

  // A `victim` is "subjected to trafficking" (actor-types.yaml); a group the text only calls
  // vulnerable or at risk is an `at-risk-group`.
  it('types as victim only actors described as trafficked, sold, enslaved or exploited', () => {
    const trafficked = /\b(?:victims?|sold|slaves?|enslaved|subjected|trafficked|exploited|forced)\b/i
    const bad = readActors()
      .filter((a) => a.type === 'victim' && !trafficked.test(a.description))
      .map((a) => a.id)
    expect(bad, 'victim-typed actors the text does not describe as victims').toEqual([])
  })
})

describe('shipped curated data: categories', () => {
  it('files under prevalence only facts that state a figure', () => {
    const bad = readFacts()
      .filter((f) => f.categories.includes('prevalence') && f.figures.length === 0)
      .map((f) => f.id)
    expect(bad, 'prevalence facts without a figure (a definition or a profile is not a count)').toEqual([])
  })

  it('files under prosecution every fact whose evidence speaks of cracking down, prosecuting or convicting', () => {
    // "prosecutor" names an office, not an act of enforcement
    const enforcement = /\bcrack(?:s|ed|ing)? down\b|\bprosecut(?:e|ed|es|ing|ions?)\b|\bconvict(?:s|ed|ions?)?\b/i
    const bad = readFacts()
      .filter((f) => quotesOf(f).some((q) => enforcement.test(q)) && !f.categories.includes('prosecution'))
      .map((f) => `${f.id}: ${f.categories.join(', ')}`)
    expect(bad, 'law-enforcement facts filed elsewhere').toEqual([])
  })
})

describe('shipped curated data: origins (db/origins)', () => {
  const originFiles = () => (existsSync(join(DATA_DIR, 'origins')) ? yamlFilesIn('origins') : [])

  it('lists each distinct evidence span of its source once, sorted by offset', () => {
    const facts = readFacts()
    const bad = originFiles().flatMap((name) => {
      const sourceId = name.replace(/\.yaml$/, '')
      const entries = readList(join('origins', name)) as unknown as RawOrigin[]
      const listed = entries.map((e) => `${e.start}..${e.end}`)
      const spans = [
        ...new Set(facts.flatMap((f) => f.evidence.filter((e) => e.sourceId === sourceId).map((e) => `${e.start}..${e.end}`)))
      ]
      const sorted = [...entries].sort((a, b) => a.start - b.start || a.end - b.end).map((e) => `${e.start}..${e.end}`)
      return [
        ...spans.filter((s) => !listed.includes(s)).map((s) => `${name}: missing ${s}`),
        ...listed.filter((s, i) => listed.indexOf(s) !== i || !spans.includes(s)).map((s) => `${name}: extra or repeated ${s}`),
        ...(JSON.stringify(sorted) === JSON.stringify(listed) ? [] : [`${name}: not sorted by start`])
      ]
    })
    expect(bad, 'origins out of step with the evidence spans').toEqual([])
  })

  it('gives each span either an origin with a URL or the reason there is none, and how it was verified', () => {
    const bad = originFiles().flatMap((name) =>
      (readList(join('origins', name)) as unknown as RawOrigin[])
        .filter(
          (e) =>
            !e.verifiedBy ||
            (e.origin === null ? !e.reason : !/^https:\/\/\S+$/.test(e.origin.url) || !(e.origin.publisher || e.origin.title))
        )
        .map((e) => `${name}: ${e.start}..${e.end}`)
    )
    expect(bad, 'origins without a URL and publisher or title, null origins without a reason, or entries without verifiedBy').toEqual([])
  })
})

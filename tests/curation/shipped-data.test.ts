import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { computeCoverage } from '../../src/curation/coverage.js'
import { loadCuratedData } from '../../src/curation/load-curated-data.js'
import { numberMentions, numbersIn } from '../../src/curation/number-words.js'

// Runs on the data the service ships: each check states a curation rule, so a bad edit to db/
// fails here with the fact id rather than surfacing as a wrong answer from the API.
//
// Each rule is its own test and reads only the files it needs, straight from the YAML: a file that
// is missing or does not parse fails the rules that need it, with the file named, and every other
// rule still runs. The service's own loader (schemas, vocabularies, cross-references) is one rule
// among the others, not a precondition of them.
//
// CURATED_DATA_DIR points the checks at a copy of db/ (used to prove that each rule can fail).

const DATA_DIR = process.env.CURATED_DATA_DIR ?? 'db'

interface RawEvidence {
  sourceId: string
  start: number
  end: number
  quote: string
  attribution?: string | null
}
interface RawFigure {
  value: number
  unit: string
  qualifier: string
  kind?: string
  label: string
}
interface RawFact {
  file: string
  id: string
  statement: string
  year: number | null
  yearInferred: boolean
  country: string
  categories: string[]
  forms: string[]
  actors: string[]
  figures: RawFigure[]
  evidence: RawEvidence[]
  flags: string[]
  note: string | null
}
interface RawTerm {
  slug: string
}
interface RawActor {
  id: string
  type: string
  description: string
}
interface RawSource {
  id: string
  text: string
  skipped: { start: number; end: number }[]
}
interface RawOrigin {
  start: number
  end: number
  origin: { title: string | null; publisher: string | null; year: number | null; url: string; section: string | null } | null
  reason: string | null
  verifiedBy: string
}

/** Reads one YAML file of the dataset; any failure names the file. */
function readYaml(path: string): unknown {
  const full = join(DATA_DIR, path)
  try {
    return parse(readFileSync(full, 'utf8'))
  } catch (error) {
    throw new Error(`${full} cannot be read as YAML: ${(error as Error).message}`, { cause: error })
  }
}

function readList(path: string): Record<string, unknown>[] {
  const list = readYaml(path)
  if (!Array.isArray(list)) throw new Error(`${join(DATA_DIR, path)} must be a YAML list`)
  return list as Record<string, unknown>[]
}

const yamlFilesIn = (dir: string) =>
  readdirSync(join(DATA_DIR, dir))
    .filter((name) => name.endsWith('.yaml') && !name.endsWith('.skipped.yaml'))
    .sort()

function readFacts(): RawFact[] {
  return yamlFilesIn('facts').flatMap((name) =>
    readList(join('facts', name)).map((f) => ({
      file: name,
      id: String(f.id),
      statement: String(f.statement ?? ''),
      year: (f.year as number | null | undefined) ?? null,
      yearInferred: f.yearInferred === true,
      country: String(f.country ?? ''),
      categories: (f.categories as string[] | undefined) ?? [],
      forms: (f.forms as string[] | undefined) ?? [],
      actors: (f.actors as string[] | undefined) ?? [],
      figures: (f.figures as RawFigure[] | undefined) ?? [],
      evidence: (f.evidence as RawEvidence[] | undefined) ?? [],
      flags: (f.flags as string[] | undefined) ?? [],
      note: (f.note as string | null | undefined) ?? null
    }))
  )
}

const readTerms = (name: string) => readList(join('vocabularies', `${name}.yaml`)) as unknown as RawTerm[]
const readActors = () => readList(join('vocabularies', 'actors.yaml')) as unknown as RawActor[]

function readSources(): RawSource[] {
  return yamlFilesIn('sources').map((name) => {
    const metadata = readYaml(join('sources', name)) as { id: string }
    const base = join('sources', name.replace(/\.yaml$/, ''))
    const skippedPath = `${base}.skipped.yaml`
    return {
      id: metadata.id,
      text: readFileSync(join(DATA_DIR, `${base}.txt`), 'utf8'),
      skipped: existsSync(join(DATA_DIR, skippedPath)) ? (readList(skippedPath) as unknown as RawSource['skipped']) : []
    }
  })
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const CONFLICT = 'conflicts-with:'

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
function overlap(statement: string, quote: string): number {
  const mine = words(statement)
  const theirs = words(quote)
  return [...mine].filter((w) => theirs.has(w)).length / mine.size
}
const quotesOf = (f: RawFact) => f.evidence.map((e) => e.quote)

describe('shipped curated data: loading', () => {
  it('loads with the service’s own loader (schemas, vocabularies and cross-references)', () => {
    let loaded: { facts: unknown[] } | undefined
    let failure = ''
    try {
      loaded = loadCuratedData(DATA_DIR)
    } catch (error) {
      failure = (error as Error).message
    }
    if (failure) expect.fail(`loadCuratedData rejected the shipped data: ${failure}`)
    expect(loaded?.facts.length, 'the loader and the raw YAML disagree on the number of facts').toBe(readFacts().length)
  })

  it('ships facts from at least one source', () => {
    expect(readSources().length, 'no source in db/sources').toBeGreaterThan(0)
    expect(readFacts().length, 'no fact in db/facts').toBeGreaterThan(0)
  })
})

describe('shipped curated data: evidence and figures', () => {
  it('quotes every evidence span exactly as the source text at its offsets', () => {
    const textOf = new Map(readSources().map((s) => [s.id, s.text]))
    const bad = readFacts().flatMap((f) =>
      f.evidence.filter((e) => textOf.get(e.sourceId)?.slice(e.start, e.end) !== e.quote).map((e) => `${f.id} ${e.start}..${e.end}`)
    )
    expect(bad, 'these quotes differ from the source text at their offsets').toEqual([])
  })

  it('gives every fact evidence, a category and a country', () => {
    const bad = readFacts().filter((f) => f.evidence.length === 0 || f.categories.length === 0 || !/^[A-Z]{2}$/.test(f.country))
    expect(bad.map((f) => f.id), 'facts without evidence, category or ISO country').toEqual([])
  })

  it('states every fact in the curators’ own words, not as a copy of its quotes', () => {
    const copies = readFacts().flatMap((f) => f.evidence.filter((e) => overlap(f.statement, e.quote) >= 0.9).map(() => f.id))
    expect(copies, 'statements that reuse 90% or more of a quote’s words').toEqual([])
  })

  it('finds every figure’s value in its fact’s evidence, as digits or words', () => {
    const missing = readFacts().flatMap((f) => {
      const stated = new Set(f.evidence.flatMap((e) => numbersIn(e.quote)))
      return f.figures.filter((fig) => !stated.has(fig.value)).map((fig) => `${f.id}: ${fig.value}`)
    })
    expect(missing, 'figures whose value the evidence does not state').toEqual([])
  })

  // The words right before a number are its hedge. A number without one is `exact` (a count the
  // text presents as exact) or `stated` (a number it gives flatly, but not as such a count).
  const HEDGES: [string, RegExp][] = [
    ['at-least', /\bat least\s*$/i],
    ['more-than', /\b(?:more than|over)\s*$/i],
    ['estimate', /\bestimated\s*$/i],
    ['approximately', /\b(?:about|around|approximately|roughly|nearly|some)\s*$/i]
  ]
  const UNHEDGED = ['exact', 'stated']
  const hedgeBefore = (text: string) => HEDGES.find(([, words]) => words.test(text))?.[0]

  it('backs each figure qualifier with the words right before its number in the evidence', () => {
    const bad = readFacts().flatMap((f) =>
      f.figures
        .filter((fig) => {
          const hedges = f.evidence.flatMap((e) =>
            numberMentions(e.quote).filter((m) => m.value === fig.value).map((m) => hedgeBefore(e.quote.slice(0, m.start)))
          )
          return !hedges.includes(UNHEDGED.includes(fig.qualifier) ? undefined : fig.qualifier)
        })
        .map((fig) => `${f.id}: ${fig.qualifier} ${fig.value}`)
    )
    expect(bad, 'qualifiers the evidence does not word (a hedge dropped, or one the text does not use)').toEqual([])
  })

  it('qualifies as exact only counts: not a round total, a measure or an age', () => {
    // units that measure rather than count; a round total (794,000) is a national figure, not a tally
    const measures = ['years-of-imprisonment', 'years-of-age']
    const bad = readFacts().flatMap((f) =>
      f.figures
        .filter((fig) => fig.qualifier === 'exact')
        .filter((fig) => measures.includes(fig.unit) || (fig.kind ?? 'quantity') !== 'quantity' || (fig.value >= 1000 && fig.value % 1000 === 0))
        .map((fig) => `${f.id}: ${fig.value} ${fig.unit}`)
    )
    expect(bad, 'figures qualified exact that the text does not present as an exact count: use stated').toEqual([])
  })

  it('records ages as the bounds of an age range, never as quantities', () => {
    const bounds = ['min-age', 'max-age']
    const bad = readFacts().flatMap((f) => {
      const wrong = f.figures
        .filter((fig) => (fig.unit === 'years-of-age') !== bounds.includes(fig.kind ?? 'quantity'))
        .map((fig) => `${f.id}: ${fig.value} ${fig.unit} (${fig.kind ?? 'quantity'})`)
      const min = f.figures.find((fig) => fig.kind === 'min-age')?.value
      const max = f.figures.find((fig) => fig.kind === 'max-age')?.value
      return min !== undefined && max !== undefined && min > max ? [...wrong, `${f.id}: min-age ${min} > max-age ${max}`] : wrong
    })
    expect(bad, 'ages recorded as quantities, bounds in another unit, or a range upside down').toEqual([])
  })

  it('takes a stated (not inferred) year from the evidence itself', () => {
    const bad = readFacts().filter((f) => f.year !== null && !f.yearInferred && !f.evidence.some((e) => e.quote.includes(String(f.year))))
    expect(bad.map((f) => f.id), 'stated years missing from the evidence').toEqual([])
  })

  it('explains every caveat flag and inferred year in a note', () => {
    const bad = readFacts().filter((f) => (f.yearInferred || f.flags.length > 0) && !f.note)
    expect(bad.map((f) => f.id), 'flags or inferred years without a note').toEqual([])
  })

  it('points every conflicts-with flag at an existing fact that points back', () => {
    const facts = readFacts()
    const flagsOf = new Map(facts.map((f) => [f.id, f.flags]))
    const bad = facts.flatMap((f) =>
      f.flags
        .filter((flag) => flag.startsWith(CONFLICT))
        .map((flag) => flag.slice(CONFLICT.length))
        .filter((other) => other === f.id || !flagsOf.get(other)?.includes(`${CONFLICT}${f.id}`))
        .map((other) => `${f.id} -> ${other}`)
    )
    expect(bad, 'one-sided or dangling conflicts-with flags').toEqual([])
  })

  it('accounts for every sentence of every source', () => {
    const facts = readFacts()
    const unaccounted = readSources().flatMap((s) =>
      computeCoverage({ metadata: { id: s.id }, text: s.text, skipped: s.skipped }, facts)
        .sentenceList.filter((x) => x.status === 'unaccounted')
        .map((x) => `${s.id} ${x.start}..${x.end}`)
    )
    expect(unaccounted, 'sentences neither evidence nor skipped with a reason').toEqual([])
  })
})

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

describe('shipped curated data: statements say what the evidence says', () => {
  it('makes every statement stand alone, not open by pointing back at another fact', () => {
    const anaphoric = /^(?:that|this|these|those|he|she|it|they|his|her|its|their|such|the same)\b/i
    const bad = readFacts().filter((f) => anaphoric.test(f.statement)).map((f) => `${f.id}: ${f.statement}`)
    expect(bad, 'statements that need another fact to be understood').toEqual([])
  })

  it('uses absolute words (never, always, nobody, none) only when the evidence does', () => {
    const absolutes = ['never', 'always', 'nobody', 'none', 'no one']
    const bad = readFacts().flatMap((f) =>
      absolutes
        .filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(f.statement))
        .filter((w) => !quotesOf(f).some((q) => new RegExp(`\\b${w}\\b`, 'i').test(q)))
        .map((w) => `${f.id}: "${w}"`)
    )
    expect(bad, 'statements more absolute than their evidence').toEqual([])
  })

  // [what the evidence says, what the statement must then say too, why]
  it.each([
    ['alleged', /\balleged(?:ly)?\b/i, /\balleg/i, 'an allegation stays an allegation'],
    ['reports', /\breportedly\b|\bthere were (?:also )?reports\b|\breported that\b/i, /\breport/i, 'a report stays a report'],
    ['for approval', /\bfor approval\b/i, /\bapprov/i, 'something submitted for approval was not approved'],
    ['hundreds', /\bhundreds\b/i, /\bhundreds\b/i, 'a vague amount is kept, not dropped'],
    ['thousands', /\bthousands\b/i, /\bthousands\b/i, 'a vague amount is kept, not dropped']
  ] as const)('carries "%s" from the evidence into the statement', (_what, inEvidence, inStatement, why) => {
    const bad = readFacts()
      .filter((f) => quotesOf(f).some((q) => inEvidence.test(q)) && !inStatement.test(f.statement))
      .map((f) => f.id)
    expect(bad, `statements that drop it: ${why}`).toEqual([])
  })

  it('does not soften coercion: forcing people into exploitation stays forcing', () => {
    const forcingInto = /\bforc(?:ing|ed)\s+(?:[\p{L}’'-]+\s+){1,4}into\b/iu
    const bad = readFacts()
      .filter((f) => f.forms.some((x) => x === 'sex-trafficking' || x === 'forced-labor'))
      .filter((f) => quotesOf(f).some((q) => forcingInto.test(q)) && !/\bforc/i.test(f.statement))
      .map((f) => `${f.id}: ${f.statement}`)
    expect(bad, 'statements that replace forcing with a softer verb').toEqual([])
  })

  it('calls a rapporteur national only when the evidence does', () => {
    const national = /\bnational (?:[\p{L}-]+ )?rapporteur\b/iu
    const bad = readFacts()
      .filter((f) => national.test(f.statement) && !quotesOf(f).some((q) => national.test(q)))
      .map((f) => f.id)
    expect(bad, 'statements that upgrade the evidence’s rapporteur to a national one').toEqual([])
  })

  it('says whose Security Council a statement means', () => {
    const bad = readFacts()
      .filter((f) => /\bSecurity Council\b/.test(f.statement) && !/\b(?:Russian|Russia’s|Russia's|UN|United Nations) Security Council\b/.test(f.statement))
      .map((f) => f.id)
    expect(bad, 'statements naming a Security Council without saying whose').toEqual([])
  })

  it('flags subject-unclear when the note says the text does not name who acted', () => {
    const noSubject = /\bno antecedent\b|\bnames neither\b[^.]*\bwho\b/i
    const bad = readFacts()
      .filter((f) => f.note !== null && noSubject.test(f.note) && !f.flags.includes('subject-unclear'))
      .map((f) => f.id)
    expect(bad, 'facts whose subject is inferred but not flagged').toEqual([])
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

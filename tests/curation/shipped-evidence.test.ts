import { describe, expect, it } from 'vitest'
import { computeCoverage } from '../../src/curation/coverage.js'
import { loadCuratedData } from '../../src/curation/load-curated-data.js'
import { numberMentions, numbersIn } from '../../src/curation/number-words.js'
import { CONFLICT, DATA_DIR, overlap, readFacts, readSources } from '../helpers/shipped-data.js'

// Runs on the data the service ships: each check states a curation rule, so a bad edit to db/
// fails here with the fact id rather than surfacing as a wrong answer from the API. Each rule is
// its own test, reading only the files it needs (tests/helpers/shipped-data.ts).

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
    const bad = readFacts().filter((f) => (f.yearInferred || f.flags.some((flag) => flag !== 'undated')) && !f.note)
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

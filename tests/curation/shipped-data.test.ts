import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { computeCoverage } from '../../src/curation/coverage.js'
import { loadCuratedData } from '../../src/curation/load-curated-data.js'
import { numbersIn } from '../../src/curation/number-words.js'

// Runs on the data the service ships: each check states a curation rule, so a bad edit to
// db/ fails here with the fact id rather than surfacing as a wrong answer from the API.

const data = loadCuratedData('db')
const facts = data.facts.map(({ fact }) => fact)
const textOf = new Map(data.sources.map((s) => [s.metadata.id, s.text]))
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const CONFLICT = 'conflicts-with:'

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
function overlap(statement: string, quote: string): number {
  const mine = words(statement)
  const theirs = words(quote)
  return [...mine].filter((w) => theirs.has(w)).length / mine.size
}

describe('shipped curated data', () => {
  it('ships facts from at least one source', () => {
    expect(data.sources.length).toBeGreaterThan(0)
    expect(facts.length).toBeGreaterThan(0)
  })

  it('quotes every evidence span exactly as the source text at its offsets', () => {
    const bad = facts.flatMap((f) =>
      f.evidence
        .filter((e) => textOf.get(e.sourceId)?.slice(e.start, e.end) !== e.quote)
        .map((e) => `${f.id} ${e.start}..${e.end}`)
    )
    expect(bad).toEqual([])
  })

  it('gives every fact evidence, a category and a country', () => {
    const bad = facts.filter((f) => f.evidence.length === 0 || f.categories.length === 0 || !/^[A-Z]{2}$/.test(f.country))
    expect(bad.map((f) => f.id)).toEqual([])
  })

  it('states every fact in the curators’ own words, not as a copy of its quotes', () => {
    const copies = facts.flatMap((f) =>
      f.evidence.filter((e) => overlap(f.statement, e.quote) >= 0.9).map(() => f.id)
    )
    expect(copies).toEqual([])
  })

  it('finds every figure’s value in its fact’s evidence, as digits or words', () => {
    const missing = facts.flatMap((f) => {
      const stated = new Set(f.evidence.flatMap((e) => numbersIn(e.quote)))
      return f.figures.filter((fig) => !stated.has(fig.value)).map((fig) => `${f.id}: ${fig.value}`)
    })
    expect(missing).toEqual([])
  })

  it('backs each figure qualifier with the wording of its evidence', () => {
    const wording: Record<string, RegExp> = { 'at-least': /at least/i, 'more-than': /more than|over /i, estimate: /estimat/i }
    const bad = facts.flatMap((f) =>
      f.figures
        .filter((fig) => wording[fig.qualifier] && !f.evidence.some((e) => wording[fig.qualifier]!.test(e.quote)))
        .map((fig) => `${f.id}: ${fig.qualifier} ${fig.value}`)
    )
    expect(bad).toEqual([])
  })

  it('takes a stated (not inferred) year from the evidence itself', () => {
    const bad = facts.filter(
      (f) => f.year !== null && !f.yearInferred && !f.evidence.some((e) => e.quote.includes(String(f.year)))
    )
    expect(bad.map((f) => f.id)).toEqual([])
  })

  it('explains every caveat flag and inferred year in a note', () => {
    const needsNote = facts.filter((f) => f.yearInferred || f.flags.length > 0)
    expect(needsNote.filter((f) => !f.note).map((f) => f.id)).toEqual([])
  })

  it('points every conflicts-with flag at an existing fact that points back', () => {
    const flagsOf = new Map(facts.map((f) => [f.id, f.flags]))
    const bad = facts.flatMap((f) =>
      f.flags
        .filter((flag) => flag.startsWith(CONFLICT))
        .map((flag) => flag.slice(CONFLICT.length))
        .filter((other) => other === f.id || !flagsOf.get(other)?.includes(`${CONFLICT}${f.id}`))
        .map((other) => `${f.id} -> ${other}`)
    )
    expect(bad).toEqual([])
  })

  it('resolves every actor, category, form, actor type and source reference', () => {
    const categories = new Set(data.categories.map((t) => t.slug))
    const forms = new Set(data.forms.map((t) => t.slug))
    const actors = new Set(data.actors.map((a) => a.id))
    const actorTypes = new Set(data.actorTypes.map((t) => t.slug))
    const bad = [
      ...facts.flatMap((f) => [
        ...f.categories.filter((c) => !categories.has(c)).map((c) => `${f.id} category ${c}`),
        ...f.forms.filter((x) => !forms.has(x)).map((x) => `${f.id} form ${x}`),
        ...f.actors.filter((a) => !actors.has(a)).map((a) => `${f.id} actor ${a}`),
        ...f.evidence.filter((e) => !textOf.has(e.sourceId)).map((e) => `${f.id} source ${e.sourceId}`)
      ]),
      ...data.actors.filter((a) => !actorTypes.has(a.type)).map((a) => `${a.id} type ${a.type}`)
    ]
    expect(bad).toEqual([])
  })

  it('uses unique, slug-shaped ids for facts and actors', () => {
    for (const ids of [facts.map((f) => f.id), data.actors.map((a) => a.id)]) {
      expect(ids.filter((id) => !SLUG.test(id))).toEqual([])
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
    }
  })

  it('keeps every published fact id (ids may be added, never removed or renamed)', () => {
    const published = readFileSync(new URL('./fact-ids.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
    expect(published.length).toBeGreaterThan(0)
    const current = new Set(facts.map((f) => f.id))
    expect(published.filter((id) => !current.has(id))).toEqual([])
  })

  it('accounts for every sentence of every source', () => {
    const unaccounted = data.sources.flatMap((s) =>
      computeCoverage(s, facts)
        .sentenceList.filter((x) => x.status === 'unaccounted')
        .map((x) => `${s.metadata.id} ${x.start}..${x.end}`)
    )
    expect(unaccounted).toEqual([])
  })
})

import { isCountryCode } from '../schemas/fact-filters.js'
import { flagSlug, type CuratedFact } from './curated-schemas.js'
import type { CurationIssue } from './curation-error.js'
import type { CuratedHeader } from './open-curated-data.js'

// The one flag that names another fact: conflicts-with:<fact id>.
const CONFLICT = 'conflicts-with'
const CONFLICT_FLAG = `${CONFLICT}:`

export interface FactChecker {
  /** What a per-record schema cannot see: references, quotes, unique ids. */
  check(fact: CuratedFact, file: string): CurationIssue[]
  /** Checks that need every fact: conflicts pointing both ways. */
  finish(): CurationIssue[]
}

/** Checks on the vocabularies and sources themselves, before any fact is read. */
export function validateHeader(header: Omit<CuratedHeader, 'vocabulary'>): CurationIssue[] {
  const issues: CurationIssue[] = []
  const vocabularyFile = (name: string) => `${name} vocabulary`
  uniqueIds(header.categories.map((t) => t.slug), vocabularyFile('categories'), issues)
  uniqueIds(header.forms.map((t) => t.slug), vocabularyFile('forms'), issues)
  uniqueIds(header.units.map((t) => t.slug), vocabularyFile('units'), issues)
  uniqueIds(header.flags.map((t) => t.slug), vocabularyFile('flags'), issues)
  const actorTypes = uniqueIds(header.actorTypes.map((t) => t.slug), vocabularyFile('actor-types'), issues)
  uniqueIds(header.actors.map((a) => a.id), vocabularyFile('actors'), issues)
  if (new Set(header.sources.map((s) => s.metadata.id)).size !== header.sources.length) {
    issues.push({ file: 'db/sources', reason: 'two source metadata files declare the same id' })
  }
  for (const actor of header.actors) {
    if (!actorTypes.has(actor.type)) {
      issues.push({ file: vocabularyFile('actors'), id: actor.id, reason: `unknown actor type "${actor.type}"` })
    }
  }
  for (const source of header.sources) {
    for (const [i, span] of source.skipped.entries()) {
      issues.push(...checkSlice(source.text, span, { file: source.file, id: `${source.metadata.id}.skipped.yaml [${i}]` }))
    }
  }
  return issues
}

/**
 * Checks facts one at a time, keeping only their ids and conflict flags, so a million facts
 * are validated without holding them in memory.
 */
export function createFactChecker(header: CuratedHeader): FactChecker {
  const { categories, forms, actors, units, flags } = header.vocabulary
  const sources = new Map(header.sources.map((s) => [s.metadata.id, s.text]))
  const factIds = new Set<string>()
  const conflicts: { file: string; id: string; other: string }[] = []
  const conflictsOf = new Map<string, string[]>()

  return {
    check(fact, file) {
      const issues: CurationIssue[] = []
      const at = (reason: string) => issues.push({ file, id: fact.id, reason })
      if (factIds.has(fact.id)) at('fact id is used more than once')
      factIds.add(fact.id)
      for (const c of fact.categories) if (!categories.has(c)) at(`unknown category "${c}"`)
      for (const f of fact.forms) if (!forms.has(f)) at(`unknown form "${f}"`)
      for (const a of fact.actors) if (!actors.has(a)) at(`unknown actor "${a}"`)
      for (const [i, figure] of fact.figures.entries()) if (!units.has(figure.unit)) at(`figures[${i}]: unknown unit "${figure.unit}"`)
      for (const issue of flagIssues(fact.flags, flags)) at(issue)
      for (const issue of countryIssues(fact)) at(issue)
      if (fact.yearInferred && fact.year === null) at('yearInferred is true but year is null')
      if (fact.yearInferred && !fact.note) at('an inferred year needs a note explaining the inference')
      for (const [i, evidence] of fact.evidence.entries()) {
        const text = sources.get(evidence.sourceId)
        if (text === undefined) {
          at(`evidence[${i}]: unknown source "${evidence.sourceId}"`)
          continue
        }
        for (const issue of checkSlice(text, evidence, { file, id: fact.id })) at(`evidence[${i}]: ${issue.reason}`)
      }
      const others = fact.flags.filter((f) => f.startsWith(CONFLICT_FLAG)).map((f) => f.slice(CONFLICT_FLAG.length))
      if (others.length) {
        conflictsOf.set(fact.id, others)
        for (const other of others) conflicts.push({ file, id: fact.id, other })
      }
      return issues
    },
    finish() {
      return conflicts.flatMap(({ file, id, other }): CurationIssue[] => {
        if (!factIds.has(other)) return [{ file, id, reason: `conflicts-with points at unknown fact "${other}"` }]
        if (conflictsOf.get(other)?.includes(id)) return []
        return [{ file, id, reason: `conflicts-with:${other} is not answered by conflicts-with:${id} on that fact` }]
      })
    }
  }
}

// Flags from the vocabulary, followed by a fact id when (and only when) they are conflicts-with.
function flagIssues(flags: string[], known: Set<string>): string[] {
  return flags.flatMap((flag) => {
    const slug = flagSlug(flag)
    if (!known.has(slug)) return [`unknown flag "${slug}"`]
    const namesFact = flag !== slug
    if (slug === CONFLICT && !namesFact) return [`flag "${flag}" must name the other fact: ${CONFLICT_FLAG}<fact id>`]
    if (slug !== CONFLICT && namesFact) return [`flag "${flag}": only ${CONFLICT} is followed by a fact id`]
    return []
  })
}

function uniqueIds(ids: string[], file: string, issues: CurationIssue[]): Set<string> {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) issues.push({ file, id, reason: 'id is used more than once' })
    seen.add(id)
  }
  return seen
}

function checkSlice(
  text: string,
  span: { start: number; end: number; quote: string },
  where: { file: string; id: string }
): CurationIssue[] {
  if (span.end <= span.start || span.end > text.length) {
    return [{ ...where, reason: `offsets ${span.start}..${span.end} are outside the text (length ${text.length})` }]
  }
  const actual = text.slice(span.start, span.end)
  if (actual === span.quote) return []
  const found = text.indexOf(span.quote)
  const hint = found >= 0 ? ` (the quote occurs at ${found}..${found + span.quote.length})` : ' (the quote does not occur in the text)'
  return [{ ...where, reason: `quote does not equal text.slice(${span.start}, ${span.end}) = ${JSON.stringify(truncate(actual))}${hint}` }]
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}

// Codes that exist, each country named once, and subdivisions of a country the fact names.
function countryIssues(fact: CuratedFact): string[] {
  const issues: string[] = []
  const related = fact.relatedCountries.map((r) => r.code)
  for (const code of [fact.country, ...related]) if (!isCountryCode(code)) issues.push(`"${code}" is not an ISO 3166-1 alpha-2 country code`)
  if (related.includes(fact.country)) issues.push(`relatedCountries repeats the fact's own country ${fact.country}`)
  if (new Set(related).size !== related.length) issues.push('relatedCountries names a country twice')
  for (const place of fact.places) {
    if (typeof place !== 'string' && ![fact.country, ...related].includes(place.code.slice(0, 2))) {
      issues.push(`place ${place.name} (${place.code}) is in neither the fact's country nor a related country`)
    }
  }
  return issues
}

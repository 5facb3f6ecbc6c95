import type { CuratedData } from './load-curated-data.js'
import type { CurationIssue } from './curation-error.js'

const CONFLICT_FLAG = 'conflicts-with:'

/**
 * Checks what a per-file schema cannot: ids unique across files, every vocabulary and
 * source reference resolving, every quote equal to its source slice, conflicts pointing back.
 */
export function validateReferences(data: Omit<CuratedData, 'contentHash'>): CurationIssue[] {
  const issues: CurationIssue[] = []
  const vocabularyFile = (name: string) => `${name} vocabulary`

  const categories = uniqueIds(data.categories.map((t) => t.slug), vocabularyFile('categories'), issues)
  const forms = uniqueIds(data.forms.map((t) => t.slug), vocabularyFile('forms'), issues)
  const actorTypes = uniqueIds(data.actorTypes.map((t) => t.slug), vocabularyFile('actor-types'), issues)
  const actors = uniqueIds(data.actors.map((a) => a.id), vocabularyFile('actors'), issues)
  const sources = new Map(data.sources.map((s) => [s.metadata.id, s]))
  if (sources.size !== data.sources.length) {
    issues.push({ file: 'db/sources', reason: 'two source metadata files declare the same id' })
  }

  for (const actor of data.actors) {
    if (!actorTypes.has(actor.type)) {
      issues.push({ file: vocabularyFile('actors'), id: actor.id, reason: `unknown actor type "${actor.type}"` })
    }
  }

  for (const source of data.sources) {
    for (const [i, span] of source.skipped.entries()) {
      const where = `${source.metadata.id}.skipped.yaml [${i}]`
      issues.push(...checkSlice(source.text, span, { file: source.file, id: where }))
    }
  }

  const factIds = new Set<string>()
  const conflicts = new Map<string, string[]>()
  for (const { file, fact } of data.facts) {
    const at = (reason: string) => issues.push({ file, id: fact.id, reason })
    if (factIds.has(fact.id)) at('fact id is used more than once')
    factIds.add(fact.id)
    for (const c of fact.categories) if (!categories.has(c)) at(`unknown category "${c}"`)
    for (const f of fact.forms) if (!forms.has(f)) at(`unknown form "${f}"`)
    for (const a of fact.actors) if (!actors.has(a)) at(`unknown actor "${a}"`)
    if (fact.yearInferred && fact.year === null) at('yearInferred is true but year is null')
    if (fact.yearInferred && !fact.note) at('an inferred year needs a note explaining the inference')
    for (const [i, evidence] of fact.evidence.entries()) {
      const source = sources.get(evidence.sourceId)
      if (!source) {
        at(`evidence[${i}]: unknown source "${evidence.sourceId}"`)
        continue
      }
      for (const issue of checkSlice(source.text, evidence, { file, id: fact.id })) {
        issues.push({ ...issue, reason: `evidence[${i}]: ${issue.reason}` })
      }
    }
    conflicts.set(
      fact.id,
      fact.flags.filter((f) => f.startsWith(CONFLICT_FLAG)).map((f) => f.slice(CONFLICT_FLAG.length))
    )
  }

  const fileOf = new Map(data.facts.map(({ file, fact }) => [fact.id, file]))
  for (const [id, others] of conflicts) {
    for (const other of others) {
      const file = fileOf.get(id) ?? 'db/facts'
      if (!conflicts.has(other)) issues.push({ file, id, reason: `conflicts-with points at unknown fact "${other}"` })
      else if (!conflicts.get(other)?.includes(id)) {
        issues.push({ file, id, reason: `conflicts-with:${other} is not answered by conflicts-with:${id} on that fact` })
      }
    }
  }
  return issues
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

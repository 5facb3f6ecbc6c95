import { isCountryCode } from '../schemas/fact-filters.js'
import type { CurationIssue } from './curation-error.js'
import type { CuratedHeader } from './open-curated-data.js'
import { isRuleId, RULES } from './rule-issue.js'
import { unknownFix } from './suggest.js'

// an actor typed victim is "subjected to trafficking" (actor-types.yaml); a group the text only
// calls vulnerable or at risk is an at-risk-group
const TRAFFICKED = /\b(?:victims?|sold|slaves?|enslaved|subjected|trafficked|exploited|forced)\b/i

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
  const waived = new Set(header.dataset.waive)
  for (const actor of header.actors) {
    const at = (field: string, reason: string, fix?: string, rule?: string) => issues.push({ file: vocabularyFile('actors'), id: actor.id, field, reason, fix, rule })
    if (!actorTypes.has(actor.type)) at('type', `unknown actor type "${actor.type}"`, unknownFix(actor.type, actorTypes, 'vocabularies/actor-types.yaml'))
    if (actor.country !== null && !isCountryCode(actor.country)) at('country', `"${actor.country}" is not an ISO 3166-1 alpha-2 country code`)
    if (actor.type === 'victim' && !TRAFFICKED.test(actor.description) && !waived.has('victim-type')) {
      at('type', 'typed victim, but the description does not say the actor was trafficked, sold, enslaved or exploited', 'say how the text makes them victims, or type them at-risk-group', 'victim-type')
    }
  }
  for (const [i, rule] of header.dataset.waive.entries()) {
    if (!isRuleId(rule)) issues.push({ file: 'dataset.yaml', field: `waive[${i}]`, reason: `unknown rule "${rule}"`, fix: unknownFix(rule, Object.keys(RULES), 'README, "Curation rules"') })
  }
  for (const source of header.sources) {
    for (const [i, span] of source.skipped.entries()) {
      issues.push(...checkSlice(source.text, span, { file: source.file, id: `${source.metadata.id}.skipped.yaml [${i}]` }))
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

/** Whether a span's quote is exactly the source text at its offsets; where it is, if elsewhere. */
export function checkSlice(
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

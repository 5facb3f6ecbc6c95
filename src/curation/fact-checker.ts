import { join } from 'node:path'
import { isCountryCode } from '../schemas/fact-filters.js'
import { flagSlug, type CuratedFact } from './curated-schemas.js'
import type { CurationIssue } from './curation-error.js'
import { factRuleIssues } from './fact-rules.js'
import { figureRuleIssues, numberKey, recordedNumberKeys, unrecordedNumbers, type UnrecordedNumber } from './figure-rules.js'
import type { CuratedHeader } from './open-curated-data.js'
import { spanKey } from './origin-schemas.js'
import type { RuleIssue } from './rule-issue.js'
import { statementRuleIssues } from './statement-rules.js'
import { unknownFix } from './suggest.js'
import { checkSlice } from './validate-references.js'

// The one flag that names another fact: conflicts-with:<fact id>.
const CONFLICT = 'conflicts-with'
const CONFLICT_FLAG = `${CONFLICT}:`
// record numbers within a file, packed with the file's number into one map value
const RECORDS_PER_FILE = 2 ** 26

export interface FactChecker {
  /** What a per-record schema cannot see: references, quotes, unique ids, the curation rules. */
  check(fact: CuratedFact, file: string): CurationIssue[]
  /** Checks that need every fact: conflicts pointing both ways, numbers, actors and origins. */
  finish(): CurationIssue[]
}

/**
 * Checks facts one at a time, keeping only what later checks need (ids, conflict flags, the
 * numbers of the current file, the spans of sources with origins), so a million facts are
 * validated without holding them in memory.
 */
export function createFactChecker(header: CuratedHeader, dataDir = '.'): FactChecker {
  const { categories, forms, actors, units, flags } = header.vocabulary
  const waived = new Set(header.dataset.waive)
  const sources = new Map(header.sources.map((s) => [s.metadata.id, s.text]))
  const actorCountry = new Map(header.actors.map((a) => [a.id, a.country]))
  const files: string[] = []
  const firstSeen = new Map<string, number>()
  const conflicts: { file: string; id: string; other: string }[] = []
  const conflictsOf = new Map<string, string[]>()
  const usedActors = new Set<string>()
  // spans quoted from each source that has an origins file, to check that file lists them all
  const quotedSpans = new Map(header.sources.filter((s) => s.origins.length > 0).map((s) => [s.metadata.id, new Set<string>()]))
  // a number one fact quotes but does not record may be a figure of another fact of its file
  let fileNumbers = { recorded: new Set<string>(), unrecorded: [] as (UnrecordedNumber & { file: string; id: string })[] }
  const deferred: CurationIssue[] = []
  let record = 0

  const settleNumbers = () => {
    for (const n of fileNumbers.unrecorded) {
      if (fileNumbers.recorded.has(numberKey(n.sourceId, n.offset)) || waived.has('number-in-figures')) continue
      deferred.push({
        file: n.file, id: n.id, field: `evidence[${n.evidence}]`, rule: 'number-in-figures',
        reason: `the quote states ${n.value} (at ${n.offset}), which no figure of this fact or of another fact quoting it records`,
        fix: 'add it to figures (unit, qualifier, label), or say in note why it is not a figure (for example "the 80 per cent is not recorded")'
      })
    }
    fileNumbers = { recorded: new Set(), unrecorded: [] }
  }

  return {
    check(fact, file) {
      const issues: CurationIssue[] = []
      const at = (field: string | undefined, reason: string, fix?: string) => issues.push({ file, id: fact.id, field, reason, fix })
      if (files.at(-1) !== file) {
        settleNumbers()
        files.push(file)
        record = 0
      }
      record++
      const seen = firstSeen.get(fact.id)
      if (seen === undefined) firstSeen.set(fact.id, (files.length - 1) * RECORDS_PER_FILE + record)
      else {
        // files are read in name order, so the one read first is not necessarily the older one
        const first = `${files[Math.floor(seen / RECORDS_PER_FILE)]} (record ${seen % RECORDS_PER_FILE})`
        at('id', `fact id is used twice: by ${first} and by ${file} (record ${record})`, 'keep the id on the fact published under it (tests/curation/fact-ids.txt) and give the other a new one')
      }
      fact.categories.forEach((c, i) => categories.has(c) || at(`categories[${i}]`, `unknown category "${c}"`, unknownFix(c, categories, 'vocabularies/categories.yaml')))
      fact.forms.forEach((f, i) => forms.has(f) || at(`forms[${i}]`, `unknown form "${f}"`, unknownFix(f, forms, 'vocabularies/forms.yaml')))
      fact.actors.forEach((a, i) => {
        usedActors.add(a)
        if (!actors.has(a)) at(`actors[${i}]`, `unknown actor "${a}"`, unknownFix(a, actors, 'vocabularies/actors.yaml'))
      })
      fact.figures.forEach((f, i) => units.has(f.unit) || at(`figures[${i}].unit`, `unknown unit "${f.unit}"`, unknownFix(f.unit, units, 'vocabularies/units.yaml; a new unit also needs `npm run openapi`')))
      fact.flags.forEach((flag, i) => {
        const issue = flagIssue(flag, flags)
        if (issue) at(`flags[${i}]`, issue.reason, issue.fix)
      })
      for (const [field, reason] of countryIssues(fact)) at(field, reason)
      if (fact.yearInferred && fact.year === null) at('yearInferred', 'yearInferred is true but year is null', 'set yearInferred: false, or give the inferred year')
      fact.evidence.forEach((evidence, i) => {
        const text = sources.get(evidence.sourceId)
        if (text === undefined) return at(`evidence[${i}].sourceId`, `unknown source "${evidence.sourceId}"`, unknownFix(evidence.sourceId, sources.keys(), 'db/sources'))
        for (const issue of checkSlice(text, evidence, { file, id: fact.id })) at(`evidence[${i}]`, issue.reason, 'get the offsets with `npm run db:locate -- <source-id> "<exact words>"`')
        quotedSpans.get(evidence.sourceId)?.add(spanKey(evidence.start, evidence.end))
      })
      const ruled: RuleIssue[] = [...factRuleIssues(fact, (id) => actorCountry.get(id)), ...statementRuleIssues(fact)]
      for (const issue of ruled) if (!waived.has(issue.rule)) issues.push({ file, id: fact.id, ...issue })
      // the figure rules read the quotes: only once they match the text
      if (!issues.length) for (const issue of figureRuleIssues(fact)) if (!waived.has(issue.rule)) issues.push({ file, id: fact.id, ...issue })
      for (const key of recordedNumberKeys(fact)) fileNumbers.recorded.add(key)
      for (const n of unrecordedNumbers(fact)) fileNumbers.unrecorded.push({ ...n, file, id: fact.id })
      const others = fact.flags.filter((f) => f.startsWith(CONFLICT_FLAG)).map((f) => f.slice(CONFLICT_FLAG.length))
      if (others.length) {
        conflictsOf.set(fact.id, others)
        for (const other of others) conflicts.push({ file, id: fact.id, other })
      }
      return issues
    },
    finish() {
      settleNumbers()
      const issues = [...deferred]
      for (const { file, id, other } of conflicts) {
        if (!firstSeen.has(other)) issues.push({ file, id, field: 'flags', reason: `conflicts-with points at unknown fact "${other}"`, fix: unknownFix(other, firstSeen.keys(), 'the fact ids') })
        else if (!conflictsOf.get(other)?.includes(id)) issues.push({ file, id, field: 'flags', reason: `conflicts-with:${other} is not answered`, fix: `add conflicts-with:${id} to the flags of ${other}` })
      }
      if (!waived.has('actor-used')) {
        for (const actor of header.actors) {
          if (!usedActors.has(actor.id)) issues.push({ file: join(dataDir, 'vocabularies', 'actors.yaml'), id: actor.id, rule: 'actor-used', reason: 'no fact names this actor', fix: 'link it to the facts that name it, or remove it' })
        }
      }
      if (!waived.has('origins-complete')) {
        for (const source of header.sources) {
          const spans = quotedSpans.get(source.metadata.id)
          if (spans) issues.push(...originsIssues(join(dataDir, 'origins', `${source.metadata.id}.yaml`), source.origins, spans))
        }
      }
      return issues
    }
  }
}

function flagIssue(flag: string, known: Set<string>): { reason: string; fix?: string } | undefined {
  const slug = flagSlug(flag)
  if (!known.has(slug)) return { reason: `unknown flag "${slug}"`, fix: unknownFix(slug, known, 'vocabularies/flags.yaml') }
  const namesFact = flag !== slug
  if (slug === CONFLICT && !namesFact) return { reason: `flag "${flag}" must name the other fact`, fix: `${CONFLICT_FLAG}<fact id>` }
  if (slug !== CONFLICT && namesFact) return { reason: `flag "${flag}": only ${CONFLICT} is followed by a fact id`, fix: `write ${slug}` }
  return undefined
}

// Codes that exist, each country named once, and subdivisions of a country the fact names.
function countryIssues(fact: CuratedFact): [string, string][] {
  const issues: [string, string][] = []
  const related = fact.relatedCountries.map((r) => r.code)
  if (!isCountryCode(fact.country)) issues.push(['country', `"${fact.country}" is not an ISO 3166-1 alpha-2 country code`])
  related.forEach((code, i) => isCountryCode(code) || issues.push([`relatedCountries[${i}].code`, `"${code}" is not an ISO 3166-1 alpha-2 country code`]))
  if (related.includes(fact.country)) issues.push(['relatedCountries', `relatedCountries repeats the fact's own country ${fact.country}`])
  if (new Set(related).size !== related.length) issues.push(['relatedCountries', 'relatedCountries names a country twice'])
  fact.places.forEach((place, i) => {
    if (typeof place !== 'string' && ![fact.country, ...related].includes(place.code.slice(0, 2))) {
      issues.push([`places[${i}].code`, `place ${place.name} (${place.code}) is in neither the fact's country nor a related country`])
    }
  })
  return issues
}

function originsIssues(file: string, origins: { start: number; end: number }[], spans: Set<string>): CurationIssue[] {
  const listed = origins.map((o) => spanKey(o.start, o.end))
  const issue = (id: string, reason: string, fix: string): CurationIssue => ({ file, id, rule: 'origins-complete', reason, fix })
  const issues = [
    ...[...spans].filter((s) => !listed.includes(s)).map((s) => issue(s, 'this evidence span has no entry', 'add an entry: its origin, or origin: null with the reason')),
    ...listed.filter((s, i) => listed.indexOf(s) !== i || !spans.has(s)).map((s) => issue(s, 'entry repeated, or for a span no fact quotes', 'remove it'))
  ]
  const sorted = [...origins].sort((a, b) => a.start - b.start || a.end - b.end).map((o) => spanKey(o.start, o.end))
  if (sorted.join() !== listed.join()) issues.push(issue('order', 'entries are not sorted by start, then end', 'sort them'))
  return issues
}

import type { CuratedFact } from './curated-schemas.js'
import { numberMentions, numbersIn } from './number-words.js'
import type { RuleIssue } from './rule-issue.js'

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
// units that measure rather than count
const MEASURES = ['years-of-imprisonment', 'years-of-age']
const AGE_BOUNDS = ['min-age', 'max-age']

/** A number a quote states that no figure of its fact records: another fact quoting it may. */
export interface UnrecordedNumber {
  sourceId: string
  /** Where the number starts in the source text. */
  offset: number
  value: number
  evidence: number
}

/** Rules on figures: each backed by the evidence's words, qualified as they word it. */
export function figureRuleIssues(fact: CuratedFact): RuleIssue[] {
  const issues: RuleIssue[] = []
  const stated = new Set(fact.evidence.flatMap((e) => numbersIn(e.quote)))
  fact.figures.forEach((figure, i) => {
    const at = `figures[${i}]`
    if (!stated.has(figure.value)) {
      issues.push({ rule: 'figure-in-quotes', field: `${at}.value`, reason: `${figure.value} is not stated in the evidence, as digits or words`, fix: 'record the number the quote states, or quote the words that state it' })
      return
    }
    const hedges = fact.evidence.flatMap((e) =>
      numberMentions(e.quote).filter((m) => m.value === figure.value).map((m) => hedgeBefore(e.quote.slice(0, m.start)))
    )
    if (!hedges.includes(UNHEDGED.includes(figure.qualifier) ? undefined : figure.qualifier)) {
      const worded = hedges.find((h) => h !== undefined)
      issues.push({
        rule: 'figure-qualifier', field: `${at}.qualifier`,
        reason: worded ? `the text hedges ${figure.value} as ${worded}, but the figure says ${figure.qualifier}` : `the text states ${figure.value} without the hedge ${figure.qualifier}`,
        fix: worded ? `qualifier: ${worded}` : 'qualifier: exact (a count the text presents as exact) or stated'
      })
    }
    if (figure.qualifier === 'exact' && (MEASURES.includes(figure.unit) || figure.kind !== 'quantity' || (figure.value >= 1000 && figure.value % 1000 === 0))) {
      issues.push({ rule: 'exact-counts', field: `${at}.qualifier`, reason: `${figure.value} ${figure.unit} is a measure, an age or a round total, not an exact count`, fix: 'qualifier: stated' })
    }
    if ((figure.unit === 'years-of-age') !== AGE_BOUNDS.includes(figure.kind)) {
      issues.push({ rule: 'age-bounds', field: `${at}.kind`, reason: `unit ${figure.unit} with kind ${figure.kind}`, fix: 'an age is unit years-of-age with kind min-age or max-age; anything else is kind quantity' })
    }
  })
  const min = fact.figures.find((f) => f.kind === 'min-age')?.value
  const max = fact.figures.find((f) => f.kind === 'max-age')?.value
  if (min !== undefined && max !== undefined && min > max) {
    issues.push({ rule: 'age-bounds', field: 'figures', reason: `min-age ${min} is above max-age ${max}`, fix: 'swap the two kinds' })
  }
  return issues
}

/**
 * The numbers the quotes state that neither the fact's figures nor its note mention. A year
 * ("2013", when the fact has that year or the digits read as one) and the word "one" ("one of the
 * worst") are not amounts. What is left may still be a figure of another fact quoting the same
 * words, which the caller checks.
 */
export function unrecordedNumbers(fact: CuratedFact): UnrecordedNumber[] {
  const recorded = new Set([...fact.figures.map((f) => f.value), ...(fact.note ? numbersIn(fact.note) : [])])
  return fact.evidence.flatMap((e, evidence) =>
    numberMentions(e.quote)
      .filter((m) => !recorded.has(m.value) && !isYear(e.quote, m.start, m.value) && !/^one\b/i.test(e.quote.slice(m.start)))
      .map((m) => ({ sourceId: e.sourceId, offset: e.start + m.start, value: m.value, evidence }))
  )
}

/** Keys of the numbers a fact's figures record, where its quotes state them. */
export function recordedNumberKeys(fact: CuratedFact): string[] {
  const values = new Set(fact.figures.map((f) => f.value))
  return fact.evidence.flatMap((e) => numberMentions(e.quote).filter((m) => values.has(m.value)).map((m) => numberKey(e.sourceId, e.start + m.start)))
}

export const numberKey = (sourceId: string, offset: number) => `${sourceId}\0${offset}`

const isYear = (quote: string, start: number, value: number) => Number.isInteger(value) && value >= 1800 && value <= 2100 && /^\d{4}\b/.test(quote.slice(start))

import { iso31661 } from 'iso-3166'
import { countryName } from '../schemas/fact-filters.js'
import type { CuratedFact } from './curated-schemas.js'
import type { RuleIssue } from './rule-issue.js'
import { subdivisionProblem } from './subdivisions.js'

export const UNDATED = 'undated'
export const SUBJECT_UNCLEAR = 'subject-unclear'
const DEFINITION = 'definition'

const quotesOf = (fact: CuratedFact) => fact.evidence.map((e) => e.quote)

/** Rules on a fact's year, flags, country, categories, actors and places. */
export function factRuleIssues(fact: CuratedFact, actorCountry: (id: string) => string | null | undefined): RuleIssue[] {
  const issues: RuleIssue[] = []
  const quotes = quotesOf(fact)
  const flags = new Set(fact.flags)

  if (fact.year !== null && !fact.yearInferred && !quotes.some((q) => q.includes(String(fact.year)))) {
    issues.push({
      rule: 'year-in-quotes', field: 'year', reason: `${fact.year} is not stated in any quote of the evidence`,
      fix: 'set year: null (with the flag undated and the text’s own time words in when), or, when the context dates it, yearInferred: true and the reasoning in note'
    })
  }
  if (fact.year === null && !flags.has(UNDATED)) {
    issues.push({ rule: 'undated-flag', field: 'flags', reason: 'year is null but the fact is not flagged undated', fix: `add ${UNDATED} to flags (and the text’s time words, if any, to when)` })
  }
  if (fact.year !== null && flags.has(UNDATED)) {
    issues.push({ rule: 'undated-flag', field: 'flags', reason: `the fact has year ${fact.year} but is flagged undated`, fix: `remove ${UNDATED}, or set year: null` })
  }
  if (!fact.note && (fact.yearInferred || fact.flags.some((f) => f !== UNDATED))) {
    issues.push({ rule: 'flag-note', field: 'note', reason: 'a caveat flag or an inferred year is not explained', fix: 'say in note why the flag applies or how the year was inferred' })
  }
  if (!flags.has(SUBJECT_UNCLEAR) && !namesCountry(fact)) {
    issues.push({
      rule: 'country-in-text', field: 'country', reason: `no quote names ${countryName(fact.country)} (${fact.country}) or a subdivision of it listed in places`,
      fix: `add ${SUBJECT_UNCLEAR} to flags and say in note how the country was read, or correct country`
    })
  }
  if (fact.categories.includes(DEFINITION) && fact.forms.length > 0) {
    issues.push({ rule: 'definition-forms', field: 'forms', reason: `a definition documents no case, yet it carries ${fact.forms.join(', ')}`, fix: 'remove forms (the definition’s wording stays in the statement)' })
  }
  if (fact.categories.includes('prevalence') && fact.figures.length === 0) {
    issues.push({ rule: 'prevalence-figure', field: 'categories', reason: 'filed under prevalence but states no figure', fix: 'record the figure, or file it under another category' })
  }
  // "prosecutor" names an office, not an act of enforcement
  const enforcement = /\bcrack(?:s|ed|ing)? down\b|\bprosecut(?:e|ed|es|ing|ions?)\b|\bconvict(?:s|ed|ions?)?\b/i
  if (!fact.categories.includes('prosecution') && quotes.some((q) => enforcement.test(q))) {
    issues.push({ rule: 'prosecution-category', field: 'categories', reason: 'the evidence speaks of cracking down, prosecuting or convicting', fix: 'add prosecution to categories' })
  }
  const countries = [fact.country, ...fact.relatedCountries.map((r) => r.code)]
  fact.actors.forEach((id, i) => {
    const country = actorCountry(id)
    if (country && !countries.includes(country)) {
      issues.push({
        rule: 'actor-country', field: `actors[${i}]`, reason: `actor ${id} belongs to ${country}, which this fact about ${fact.country} does not name`,
        fix: `use (or add to actors.yaml) an actor of ${fact.country}, or add ${country} to relatedCountries if the text names it`
      })
    }
  })
  fact.places.forEach((place, i) => {
    const problem = typeof place === 'string' ? undefined : subdivisionProblem(place.code)
    if (problem) issues.push({ rule: 'subdivision-code', field: `places[${i}].code`, reason: problem, fix: 'use the code of the ISO 3166-2 list, or write the place as a plain name' })
  })
  return issues
}

// "Russia" is named by "Russia", "Russian", "Russian Federation"; "Kazakhstan" by "Kazakh":
// a word starting with the English name, or with its stem (without -stan, -ia or -a).
const namePatterns = new Map<string, RegExp>()
function namePattern(code: string): RegExp {
  let pattern = namePatterns.get(code)
  if (!pattern) {
    const names = [countryName(code), iso31661.find((c) => c.alpha2 === code)?.name].filter((n): n is string => !!n)
    const stems = [...new Set(names.flatMap((name) => [name, name.replace(/(?:stan|ia|a)$/, '')]).filter((s) => s.length >= 4))]
    pattern = new RegExp(`(?:^|[^\\p{L}])(?:${stems.map(escape).join('|')})`, 'u')
    namePatterns.set(code, pattern)
  }
  return pattern
}

function namesCountry(fact: CuratedFact): boolean {
  const text = quotesOf(fact).join('\n')
  if (namePattern(fact.country).test(text)) return true
  return fact.places.some((p) => typeof p !== 'string' && p.code.startsWith(`${fact.country}-`) && text.includes(p.name))
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

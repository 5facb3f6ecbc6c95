import type { CuratedFact } from './curated-schemas.js'
import { SUBJECT_UNCLEAR } from './fact-rules.js'
import type { RuleIssue } from './rule-issue.js'

// A statement is the claim in the curators' own words: it must say no more, and no less, than
// its evidence. Each rule catches a kind of slip a review found.

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
function overlap(statement: string, quote: string): number {
  const mine = words(statement)
  const theirs = words(quote)
  return mine.size === 0 ? 0 : [...mine].filter((w) => theirs.has(w)).length / mine.size
}

const ANAPHORIC = /^(?:that|this|these|those|he|she|it|they|his|her|its|their|such|the same)\b/i
const ABSOLUTES = ['never', 'always', 'nobody', 'none', 'no one'].map((word) => [word, new RegExp(`\\b${word}\\b`, 'i')] as const)
// [what the evidence says, what the statement must then say too, why]
const CARRIED: [string, RegExp, RegExp, string][] = [
  ['alleged', /\balleged(?:ly)?\b/i, /\balleg/i, 'an allegation stays an allegation'],
  ['reported', /\breportedly\b|\bthere were (?:also )?reports\b|\breported that\b/i, /\breport/i, 'a report stays a report'],
  ['for approval', /\bfor approval\b/i, /\bapprov/i, 'something submitted for approval was not approved'],
  ['hundreds', /\bhundreds\b/i, /\bhundreds\b/i, 'a vague amount is kept, not dropped'],
  ['thousands', /\bthousands\b/i, /\bthousands\b/i, 'a vague amount is kept, not dropped']
]
const FORCING_INTO = /\bforc(?:ing|ed)\s+(?:[\p{L}’'-]+\s+){1,4}into\b/iu
const NATIONAL_RAPPORTEUR = /\bnational (?:[\p{L}-]+ )?rapporteur\b/iu
const NO_SUBJECT = /\bno antecedent\b|\bnames neither\b[^.]*\bwho\b/i

export function statementRuleIssues(fact: CuratedFact): RuleIssue[] {
  const issues: RuleIssue[] = []
  const quotes = fact.evidence.map((e) => e.quote)
  const s = fact.statement
  const push = (rule: string, reason: string, fix: string, field = 'statement') => issues.push({ rule, field, reason, fix })

  if (quotes.some((q) => overlap(s, q) >= 0.9)) push('statement-own-words', 'it reuses 90% or more of a quote’s words', 'restate the claim in your own words; the quote stays in evidence')
  if (ANAPHORIC.test(s)) push('statement-stands-alone', 'it opens by pointing back at something ("they", "this", …)', 'name who or what is meant, as the text allows')
  for (const [word, re] of ABSOLUTES) {
    if (re.test(s) && !quotes.some((q) => re.test(q))) push('statement-absolutes', `"${word}" is more absolute than the evidence`, 'use the evidence’s own strength of wording')
  }
  for (const [what, inEvidence, inStatement, why] of CARRIED) {
    if (quotes.some((q) => inEvidence.test(q)) && !inStatement.test(s)) push('statement-carries', `the evidence says "${what}" and the statement drops it (${why})`, `keep "${what}" (or its sense) in the statement`)
  }
  if (fact.forms.some((f) => f === 'sex-trafficking' || f === 'forced-labor') && quotes.some((q) => FORCING_INTO.test(q)) && !/\bforc/i.test(s)) {
    push('statement-coercion', 'the evidence speaks of forcing people into exploitation; the statement softens it', 'keep "forced"/"forcing"')
  }
  if (NATIONAL_RAPPORTEUR.test(s) && !quotes.some((q) => NATIONAL_RAPPORTEUR.test(q))) push('national-rapporteur', 'it calls the rapporteur national; the evidence does not', 'drop "national"')
  if (/\bSecurity Council\b/.test(s) && !/\b(?:Russian|Russia’s|Russia's|UN|United Nations) Security Council\b/.test(s)) {
    push('security-council', 'it names a Security Council without saying whose', 'say whose (Russian Security Council, UN Security Council)')
  }
  if (fact.note !== null && NO_SUBJECT.test(fact.note) && !fact.flags.includes(SUBJECT_UNCLEAR)) {
    push('subject-unclear-note', 'the note says the subject has no antecedent, but the fact is not flagged', `add ${SUBJECT_UNCLEAR} to flags`, 'flags')
  }
  return issues
}

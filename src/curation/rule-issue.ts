/** A rule's refusal of one fact, before the file and fact id are added. */
export interface RuleIssue {
  rule: string
  field: string
  reason: string
  fix: string
}

/**
 * The curation rules the build enforces beyond the files' shapes and references, by id: a
 * refusal names its rule, and a dataset may waive a rule by id (`waive` in dataset.yaml; only the
 * test fixture and synthetic benchmark data do). README "Curation rules" explains each.
 */
export const RULES = {
  'year-in-quotes': 'a stated year appears in a quote (else null, or yearInferred with a note)',
  'undated-flag': 'a fact carries the undated flag exactly when its year is null',
  'flag-note': 'every caveat flag but undated, and every inferred year, is explained in note',
  'country-in-text': 'the quotes name the fact’s country (or a subdivision of it), or the fact is flagged subject-unclear',
  'definition-forms': 'a definition documents no case, so it carries no forms',
  'prevalence-figure': 'a prevalence fact states a figure',
  'prosecution-category': 'evidence about cracking down, prosecuting or convicting is filed under prosecution',
  'actor-country': 'an actor of one country is linked only to facts about it or naming it in relatedCountries',
  'subdivision-code': 'a place code is a first-level subdivision in the ISO 3166-2 list',
  'figure-in-quotes': 'a figure’s value is stated in the evidence, in digits or words',
  'figure-qualifier': 'a figure’s qualifier is the hedge before its number ("at least" → at-least), exact/stated without one',
  'exact-counts': 'exact is only for counts: not round totals, measures or ages',
  'age-bounds': 'ages are min-age/max-age bounds in years-of-age, never quantities',
  'number-in-figures': 'every number a quote states is a figure of a fact quoting it, or the note says why not',
  'statement-own-words': 'a statement does not reuse 90% or more of a quote’s words',
  'statement-stands-alone': 'a statement does not open by pointing back at another fact',
  'statement-absolutes': 'never/always/nobody/none/no one only when the evidence says so',
  'statement-carries': 'alleged, reported, for approval, hundreds, thousands are carried into the statement',
  'statement-coercion': 'forcing people into exploitation stays forcing in the statement',
  'national-rapporteur': 'a rapporteur is national only when the evidence says so',
  'security-council': 'a statement says whose Security Council it means',
  'subject-unclear-note': 'a note saying the subject has no antecedent goes with the subject-unclear flag',
  'actor-used': 'every actor in actors.yaml is linked to a fact',
  'victim-type': 'a victim-typed actor is described as trafficked, sold, enslaved or exploited',
  'origins-complete': 'db/origins/<source>.yaml lists each evidence span of its source once, sorted by offset'
} as const

export type RuleId = keyof typeof RULES

export const isRuleId = (id: string): id is RuleId => Object.hasOwn(RULES, id)

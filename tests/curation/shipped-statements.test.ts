import { describe, expect, it } from 'vitest'
import { quotesOf, readFacts } from '../helpers/shipped-data.js'

// Runs on the data the service ships: each check states a curation rule, so a bad edit to db/
// fails here with the fact id rather than surfacing as a wrong answer from the API. Each rule is
// its own test, reading only the files it needs (tests/helpers/shipped-data.ts).

describe('shipped curated data: statements say what the evidence says', () => {
  it('makes every statement stand alone, not open by pointing back at another fact', () => {
    const anaphoric = /^(?:that|this|these|those|he|she|it|they|his|her|its|their|such|the same)\b/i
    const bad = readFacts().filter((f) => anaphoric.test(f.statement)).map((f) => `${f.id}: ${f.statement}`)
    expect(bad, 'statements that need another fact to be understood').toEqual([])
  })

  it('uses absolute words (never, always, nobody, none) only when the evidence does', () => {
    const absolutes = ['never', 'always', 'nobody', 'none', 'no one']
    const bad = readFacts().flatMap((f) =>
      absolutes
        .filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(f.statement))
        .filter((w) => !quotesOf(f).some((q) => new RegExp(`\\b${w}\\b`, 'i').test(q)))
        .map((w) => `${f.id}: "${w}"`)
    )
    expect(bad, 'statements more absolute than their evidence').toEqual([])
  })

  // [what the evidence says, what the statement must then say too, why]
  it.each([
    ['alleged', /\balleged(?:ly)?\b/i, /\balleg/i, 'an allegation stays an allegation'],
    ['reports', /\breportedly\b|\bthere were (?:also )?reports\b|\breported that\b/i, /\breport/i, 'a report stays a report'],
    ['for approval', /\bfor approval\b/i, /\bapprov/i, 'something submitted for approval was not approved'],
    ['hundreds', /\bhundreds\b/i, /\bhundreds\b/i, 'a vague amount is kept, not dropped'],
    ['thousands', /\bthousands\b/i, /\bthousands\b/i, 'a vague amount is kept, not dropped']
  ] as const)('carries "%s" from the evidence into the statement', (_what, inEvidence, inStatement, why) => {
    const bad = readFacts()
      .filter((f) => quotesOf(f).some((q) => inEvidence.test(q)) && !inStatement.test(f.statement))
      .map((f) => f.id)
    expect(bad, `statements that drop it: ${why}`).toEqual([])
  })

  it('does not soften coercion: forcing people into exploitation stays forcing', () => {
    const forcingInto = /\bforc(?:ing|ed)\s+(?:[\p{L}’'-]+\s+){1,4}into\b/iu
    const bad = readFacts()
      .filter((f) => f.forms.some((x) => x === 'sex-trafficking' || x === 'forced-labor'))
      .filter((f) => quotesOf(f).some((q) => forcingInto.test(q)) && !/\bforc/i.test(f.statement))
      .map((f) => `${f.id}: ${f.statement}`)
    expect(bad, 'statements that replace forcing with a softer verb').toEqual([])
  })

  it('calls a rapporteur national only when the evidence does', () => {
    const national = /\bnational (?:[\p{L}-]+ )?rapporteur\b/iu
    const bad = readFacts()
      .filter((f) => national.test(f.statement) && !quotesOf(f).some((q) => national.test(q)))
      .map((f) => f.id)
    expect(bad, 'statements that upgrade the evidence’s rapporteur to a national one').toEqual([])
  })

  it('says whose Security Council a statement means', () => {
    const bad = readFacts()
      .filter((f) => /\bSecurity Council\b/.test(f.statement) && !/\b(?:Russian|Russia’s|Russia's|UN|United Nations) Security Council\b/.test(f.statement))
      .map((f) => f.id)
    expect(bad, 'statements naming a Security Council without saying whose').toEqual([])
  })

  it('flags subject-unclear when the note says the text does not name who acted', () => {
    const noSubject = /\bno antecedent\b|\bnames neither\b[^.]*\bwho\b/i
    const bad = readFacts()
      .filter((f) => f.note !== null && noSubject.test(f.note) && !f.flags.includes('subject-unclear'))
      .map((f) => f.id)
    expect(bad, 'facts whose subject is inferred but not flagged').toEqual([])
  })
})

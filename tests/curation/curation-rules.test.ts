import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCuratedData } from '../../src/curation/load-curated-data.js'
import { RULES } from '../../src/curation/rule-issue.js'
import { curationFailure } from '../helpers/curation-failure.js'
import { CURATED_FIXTURE_DIR } from '../helpers/paths.js'

// Each curation rule, as the build enforces it: tests/fixtures/curated follows every rule, and
// each test breaks one thing in a scratch copy and expects the build to refuse it, naming the
// file, the fact id, the field, the fix and the rule.
const FACTS = 'facts/kz-report.yaml'
const refusal = (file: string, change: (text: string) => string) => curationFailure(file, change, CURATED_FIXTURE_DIR)
const line = (message: string, needle: string) => message.split('\n').find((l) => l.includes(needle)) ?? `(no line with ${needle} in:\n${message})`

describe('the curated fixture', () => {
  it('builds: it follows every rule and waives none', () => {
    const data = loadCuratedData(CURATED_FIXTURE_DIR)
    expect(data.dataset.waive).toEqual([])
    expect(data.facts).toHaveLength(4)
  })
})

describe('curation rules refused at build time', () => {
  it.each<[string, string, (t: string) => string, string, string]>([
    ['year-in-quotes', 'kz-2019-trafficker-convictions', (t) => t.replace('year: 2019', 'year: 2018'), 'year: 2018 is not stated', 'yearInferred: true'],
    ['figure-qualifier', 'kz-uzbek-migrants-identified-in-almaty', (t) => t.replace('qualifier: at-least', 'qualifier: exact'), 'figures[0].qualifier: the text hedges 120 as at-least', 'qualifier: at-least'],
    ['number-in-figures', 'kz-2019-trafficker-convictions', (t) => t.replace(/ {2}figures:\n(?: {4}.*\n| {6}.*\n)+?(?= {2}evidence:)/, ''), 'evidence[0]: the quote states 12', 'add it to figures'],
    ['country-in-text', 'kz-uzbek-migrants-identified-in-almaty', (t) => t.replace(/ {2}places:\n {4}- name: Almaty\n {6}code: KZ-75\n/, ''), 'country: no quote names Kazakhstan (KZ)', 'add subject-unclear'],
    ['definition-forms', 'kz-trafficking-definition-forced-begging', (t) => t.replace('    - definition\n', '    - definition\n  forms:\n    - forced-begging\n'), 'forms: a definition documents no case', 'remove forms'],
    ['undated-flag', 'kz-interior-ministry-training', (t) => t.replace(/(kazakh-interior-ministry\n[\s\S]*?) {2}flags:\n {4}- undated\n/, '$1'), 'flags: year is null but the fact is not flagged undated', 'add undated to flags'],
    ['actor-country', 'kz-2019-trafficker-convictions', (t) => t.replace('    - kazakh-government\n', '    - kazakh-government\n    - uzbek-migrants\n'), 'actors[1]: actor uzbek-migrants belongs to UZ', 'add UZ to relatedCountries'],
    ['subdivision-code', 'kz-uzbek-migrants-identified-in-almaty', (t) => t.replace('code: KZ-75', 'code: KZ-99'), 'places[0].code: KZ-99 is not in the ISO 3166-2 list', 'use the code of the ISO 3166-2 list'],
    ['flag-note', 'kz-trafficking-definition-forced-begging', (t) => t.replace(/ {2}note: '"Their".*'\n/, '  note: null\n'), 'note: a caveat flag', 'say in note why'],
    ['statement-absolutes', 'kz-interior-ministry-training', (t) => t.replace('During the reporting period Kazakhstan’s interior ministry gave its officers training.', 'The ministry never trained officers in Kazakhstan.'), 'statement: "never" is more absolute', 'evidence’s own strength']
  ])('%s: refuses %s', (rule, id, change, reason, fix) => {
    const refused = line(refusal(FACTS, change), `[${id}]`)
    expect(refused).toContain(`${join('facts', 'kz-report.yaml')} [${id}]`)
    expect(refused).toContain(reason)
    expect(refused).toContain(`fix: `)
    expect(refused).toContain(fix)
    expect(refused).toContain(`(rule ${rule})`)
  })

  it('a duplicate fact id names both places, the first one included', () => {
    // a second file (sorted after the first) holding a copy of the first file's first fact
    const first = readFileSync(join(CURATED_FIXTURE_DIR, FACTS), 'utf8').split(/\n(?=- id: )/)[0]!
    const message = refusal('facts/second-source.yaml', () => `${first}\n`)
    const refused = line(message, 'used twice')
    expect(refused).toContain(`[kz-2019-trafficker-convictions] id: fact id is used twice: by `)
    expect(refused).toContain(`${join('facts', 'kz-report.yaml')} (record 1) and by `)
    expect(refused).toContain(`${join('facts', 'second-source.yaml')} (record 1)`)
    expect(message).not.toMatch(/kz-report\.yaml \[kz-2019-trafficker-convictions\] id:/)
  })

  it.each([
    ['actor', '    - kazakh-government\n', '    - kazakh-goverment\n', 'unknown actor "kazakh-goverment"', 'did you mean `kazakh-government`?'],
    ['unit', 'unit: traffickers', 'unit: trafficker', 'unknown unit "trafficker"', 'did you mean `traffickers`?'],
    ['category', '    - prosecution\n', '    - prosecusion\n', 'unknown category "prosecusion"', 'did you mean `prosecution`?'],
    ['flag', '    - subject-unclear\n', '    - subject-unlcear\n', 'unknown flag "subject-unlcear"', 'did you mean `subject-unclear`?']
  ])('an unknown %s gets a "did you mean" suggestion', (_kind, from, to, reason, suggestion) => {
    const refused = line(refusal(FACTS, (t) => t.replace(from, to)), reason)
    expect(refused).toContain(suggestion)
  })

  it('a form far from any known one points at the vocabulary instead of guessing', () => {
    const refused = line(refusal(FACTS, (t) => t.replace('    - definition\n', '    - trafficking-profile\n  forms:\n    - space-piracy\n')), 'unknown form')
    expect(refused).toContain('use one listed in vocabularies/forms.yaml')
  })

  it('an unknown rule in waive is refused with a suggestion', () => {
    expect(line(refusal('dataset.yaml', (t) => `${t}waive:\n  - year-in-quote\n`), 'unknown rule')).toContain('did you mean `year-in-quotes`?')
  })

  it('every rule is described for the README', () => {
    expect(Object.values(RULES).every((d) => d.length > 10)).toBe(true)
  })
})

import { expect, test } from 'vitest'
import { factJson, pickMembers, WIDE_JSON_LENGTH } from '../../src/database/fact-json.js'
import { FACT_FIELDS } from '../../src/schemas/fact-fields.js'
import { factSchema, type Fact } from '../../src/schemas/fact.js'

const example = factSchema.parse((factSchema.meta()!.examples as unknown[])[0]) as Fact
const places = (names: string[]) => names.map((n) => FACT_FIELDS.indexOf(n as (typeof FACT_FIELDS)[number]))
const pick = (fact: Fact, names: string[]) => Object.fromEntries(names.map((n) => [n, fact[n as keyof Fact]]))

test.each([
  ['a short fact (two-byte offsets)', example],
  ['a fact of more than 64 K characters (four-byte offsets)', { ...example, note: 'é"\\'.repeat(WIDE_JSON_LENGTH / 2) }]
])('%s: the JSON is JSON.stringify\'s, and any members picked parse back to those fields', (_name, fact) => {
  const { json, members } = factJson(fact)
  expect(json).toBe(JSON.stringify(fact))
  expect(members.length).toBe(FACT_FIELDS.length * (json.length < WIDE_JSON_LENGTH ? 2 : 4))
  for (const names of [['id'], ['id', 'statement', 'year'], ['note'], ['id', 'note'], [...FACT_FIELDS], ['evidence', 'flags', 'note']]) {
    expect(JSON.parse(pickMembers(json, members, places(names)))).toEqual(pick(fact, names))
  }
})

test('a field without a value stops the build, naming the fact and the field', () => {
  expect(() => factJson({ ...example, note: undefined } as unknown as Fact)).toThrow(/ru-2013-sex-trafficking-prosecutions.*"note"/)
})

import { describe, expect, test } from 'vitest'
import { seededRandom } from '../../bench/random.js'
import { NO_YEAR, type Dimension } from '../../src/facts-index/dimensions.js'
import { countValues } from '../../src/facts-index/facet-counts.js'
import { createFactIndex } from '../../src/facts-index/fact-index.js'
import { walkOrder, type FactOrder } from '../../src/facts-index/fact-orders.js'
import { matchFacts, type IndexQuery } from '../../src/facts-index/match-facts.js'
import { toPosting } from '../../src/facts-index/posting.js'

// An index over 150,000 facts (three blocks of 65,536 and a part), numbered as the build numbers
// them (year descending, no year last, then id), with values of every density: rare and common,
// one stretch of consecutive facts, the first and the last fact, the two sides of a block edge.
// Every answer is compared with a plain computation over the facts' own values.
const N = 150_000
const rand = seededRandom(5)
interface TestFact {
  id: string
  year: number | null
  values: Partial<Record<Dimension, string[]>>
}
const drawn: TestFact[] = Array.from({ length: N }, () => {
  const r = rand()
  return { id: Math.floor(rand() * 1e9).toString(36).padStart(6, '0'), year: r < 0.3 ? 2024 : r < 0.7 ? 2023 : r < 0.99 ? 2022 : null, values: {} }
})
const facts = drawn.sort((a, b) => (a.year ?? -1) - (b.year ?? -1) ? (b.year ?? -1) - (a.year ?? -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
facts.forEach((fact, p) => {
  const category = [rand() < 0.5 ? 'dense' : 'other']
  if (rand() < 0.002) category.push('sparse')
  if (p >= 60_000 && p < 70_000) category.push('stretch')
  if (p === 0) category.push('first')
  if (p === N - 1) category.push('last')
  if (p === 65_535 || p === 65_536) category.push('edge')
  const actors = new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `actor-${Math.floor(300 * rand() * rand())}`))
  fact.values = {
    year: [fact.year === null ? NO_YEAR : String(fact.year)],
    category,
    form: rand() < 0.3 ? ['a'] : rand() < 0.1 ? ['b'] : [],
    actor: [...actors],
    country: [rand() < 0.7 ? 'RU' : 'UA'],
    hasFigures: [String(rand() < 0.5)]
  }
})
const lists = new Map<string, [Dimension, string, number[]]>()
facts.forEach((fact, p) => {
  for (const [dimension, values] of Object.entries(fact.values) as [Dimension, string[]][]) {
    for (const value of values) {
      const key = `${dimension}=${value}`
      if (!lists.has(key)) lists.set(key, [dimension, value, []])
      lists.get(key)![2].push(p)
    }
  }
})
const byId = Uint32Array.from(facts.map((_, p) => p).sort((a, b) => (facts[a]!.id < facts[b]!.id ? -1 : 1)))
const index = createFactIndex(N, [...lists.values()].map(([d, v, positions]) => [d, v, Uint32Array.from(positions)] as const), byId)

type Query = IndexQuery & { name: string }
const QUERIES: Query[] = [
  { name: 'everything', terms: [] },
  { name: 'a common value', terms: [{ dimension: 'category', values: ['dense'] }] },
  { name: 'a rare value', terms: [{ dimension: 'category', values: ['sparse'] }] },
  { name: 'a stretch of consecutive facts', terms: [{ dimension: 'category', values: ['stretch'] }] },
  { name: 'the first fact', terms: [{ dimension: 'category', values: ['first'] }] },
  { name: 'the last fact', terms: [{ dimension: 'category', values: ['last'] }] },
  { name: 'a block edge', terms: [{ dimension: 'category', values: ['edge'] }] },
  { name: 'an unknown value', terms: [{ dimension: 'category', values: ['nothing'] }] },
  { name: 'a union', terms: [{ dimension: 'category', values: ['sparse', 'stretch', 'last'] }] },
  { name: 'rare and common', terms: [{ dimension: 'category', values: ['sparse'] }, { dimension: 'hasFigures', values: ['true'] }] },
  { name: 'three terms', terms: [{ dimension: 'category', values: ['dense'] }, { dimension: 'form', values: ['a'] }, { dimension: 'country', values: ['UA'] }] },
  { name: 'a rare actor', terms: [{ dimension: 'actor', values: ['actor-250'] }] },
  { name: 'common actors', terms: [{ dimension: 'actor', values: ['actor-0', 'actor-1'] }] },
  { name: 'an exclusion', terms: [{ dimension: 'form', values: ['a', 'b'], exclude: true }] },
  { name: 'an exclusion of most', terms: [{ dimension: 'country', values: ['RU'], exclude: true }, { dimension: 'hasFigures', values: ['false'] }] },
  { name: 'one year', terms: [{ dimension: 'year', values: ['2023'] }] },
  { name: 'no year', terms: [{ dimension: 'year', values: [NO_YEAR] }] },
  { name: 'a year range', terms: [{ dimension: 'form', values: ['b'] }], yearFrom: 2022, yearTo: 2023 },
  { name: 'yearFrom only', terms: [], yearFrom: 2024 },
  { name: 'an empty year range', terms: [{ dimension: 'form', values: ['a'] }], yearFrom: 2025 },
  { name: 'words', terms: [{ dimension: 'country', values: ['UA'] }], words: [toPosting(Uint32Array.from([0, 5, 65_536, 70_000, N - 1]))] },
  { name: 'an unknown word', terms: [], words: [undefined] }
]

const YEARS = new Map([[2024, 0], [2023, 1], [2022, 2]])
const computed = new Map<Query, number[]>()
const expected = (query: Query) => computed.get(query) ?? computed.set(query, compute(query)).get(query)!
function compute(query: Query): number[] {
  const positions: number[] = []
  facts.forEach((fact, p) => {
    if (query.yearFrom !== undefined && (fact.year === null || fact.year < query.yearFrom)) return
    if (query.yearTo !== undefined && (fact.year === null || fact.year > query.yearTo)) return
    for (const term of query.terms) {
      const any = term.values.some((v) => fact.values[term.dimension]?.includes(v))
      if (any === Boolean(term.exclude)) return
    }
    if (query.words?.some((w) => !w?.has(p))) return
    positions.push(p)
  })
  return positions
}
const ordered = new Map<string, number[]>()
const expectedInOrder = (query: Query, order: FactOrder) =>
  ordered.get(query.name + order) ?? ordered.set(query.name + order, inOrder(expected(query), order)).get(query.name + order)!
const inOrder = (positions: number[], order: FactOrder) => {
  const key = (p: number) => facts[p]!
  if (order === '-year') return positions
  if (order === 'id') return [...positions].sort((a, b) => (key(a).id < key(b).id ? -1 : 1))
  const rank = (p: number) => (key(p).year === null ? 99 : -YEARS.get(key(p).year!)!)
  return [...positions].sort((a, b) => rank(a) - rank(b) || a - b)
}

describe('matchFacts', () => {
  test.each(QUERIES)('$name: members and count', (query) => {
    const match = matchFacts(index, query)
    const want = expected(query)
    expect(match.count).toBe(want.length)
    expect(match.bits.size).toBe(want.length)
    expect(Buffer.from(match.bits.toUint32Array().buffer).equals(Buffer.from(Uint32Array.from(want).buffer))).toBe(true)
  })

  test('a one-term answer is the shared posting list, and nothing changes it', () => {
    const before = index.postings.category.get('dense')!.size
    matchFacts(index, { terms: [{ dimension: 'category', values: ['dense'] }, { dimension: 'form', values: ['a'] }] })
    expect(index.postings.category.get('dense')!.size).toBe(before)
  })
})

describe('walkOrder', () => {
  const orders: FactOrder[] = ['-year', 'year', 'id']
  const place = (order: FactOrder, p: number) => (order === 'id' ? index.idRank[p]! : p)
  test.each(QUERIES.flatMap((q) => orders.flatMap((o) => [1, 20, 5_000].map((limit) => [q.name, o, limit, q] as const))))(
    '%s in %s order, pages of %i: every fact once, in order',
    (_name, order, limit, query) => {
      const { bits } = matchFacts(index, query)
      const want = expectedInOrder(query, order)
      const got: number[] = []
      let after: number | undefined
      // the first pages, then a jump to the last few: the two ends of the order
      for (let pages = 0; pages < 4; pages++) {
        const page = walkOrder(index, bits, order, after, limit)
        got.push(...page.map((f) => f.position))
        if (page.length < limit) break
        after = page.at(-1)!.place
      }
      // where the walk first departs from the expected order, or -1
      expect(got.findIndex((p, i) => p !== want[i])).toBe(-1)
      expect(got.length).toBe(Math.min(want.length, 4 * limit))
      if (want.length > 0) {
        const last = want.at(-1)!
        expect(walkOrder(index, bits, order, place(order, last), limit)).toEqual([])
        if (want.length > 1) expect(walkOrder(index, bits, order, place(order, want.at(-2)!), limit).map((f) => f.position)).toEqual([last])
      }
    }
  )
})

describe('countValues', () => {
  const dimensions: Dimension[] = ['year', 'category', 'form', 'actor', 'country', 'hasFigures']
  test.each(QUERIES.flatMap((q) => dimensions.map((d) => [q.name, d, q] as const)))('%s: counts of %s', (_name, dimension, query) => {
    const want = new Map<string, number>()
    for (const p of expected(query)) for (const v of facts[p]!.values[dimension] ?? []) want.set(v, (want.get(v) ?? 0) + 1)
    const got = countValues(index, matchFacts(index, query), dimension)
    expect(new Map(got.map((c) => [c.value, c.count]))).toEqual(want)
  })
})

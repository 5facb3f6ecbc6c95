import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { seededRandom } from './random.js'

const slugs = (file: string) => (parse(readFileSync(file, 'utf8')) as { slug: string }[]).map((t) => t.slug)
const CATEGORIES = slugs('db/vocabularies/categories.yaml')
const FORMS = slugs('db/vocabularies/forms.yaml')

const rand = seededRandom(42)
const one = <T>(values: readonly T[]) => values[Math.floor(rand() * values.length)]!

/** Distinct valid /v1/facts URLs: years × categories × forms × limits, as a client's UI would ask. */
export function seedUrls(count: number): string[] {
  const urls = new Set<string>()
  while (urls.size < count) {
    const params = new URLSearchParams({ year: String(1990 + Math.floor(rand() * 36)) })
    if (rand() < 0.8) params.set('category', one(CATEGORIES))
    if (rand() < 0.8) params.set('form', one(FORMS))
    params.set('limit', String(1 + Math.floor(rand() * 100)))
    urls.add(`/v1/facts?${params}`)
  }
  return [...urls]
}

const REPEATABLE = new Set(['year', 'category', 'form', 'actor'])
const SCALE_FILTERS: (() => [string, string])[] = [
  () => ['year', String(2024 - Math.floor(30 * rand() * rand()))],
  () => ['yearFrom', String(1995 + Math.floor(rand() * 25))],
  () => ['yearTo', String(2000 + Math.floor(rand() * 25))],
  () => ['category', one(CATEGORIES)],
  () => ['form', one(FORMS)],
  () => ['actor', `actor-${Math.floor(rand() * rand() * 400)}`],
  () => ['actorType', one(['government', 'law-enforcement', 'judiciary', 'ngo', 'victim', 'criminal-group', 'media', 'official'])],
  () => ['country', one(['RU', 'UA', 'KZ', 'IR', 'BY', 'GE', 'NG', 'VN'])],
  () => ['hasFigures', one(['true', 'false'])],
  () => ['q', one(['brick', 'migrants deported', 'police', 'debt', 'passports', 'wages contract', 'hotline'])]
]

/** Distinct combinations of one to three filters over synthetic data (yearFrom before yearTo). */
export function scaleQueries(count: number): string[] {
  const queries = new Set<string>()
  while (queries.size < count) {
    const params = new URLSearchParams()
    const n = 1 + Math.floor(rand() * 3)
    for (let i = 0; i < n; i++) {
      const [name, value] = one(SCALE_FILTERS)()
      if (REPEATABLE.has(name)) params.append(name, value)
      else params.set(name, value)
    }
    const from = Number(params.get('yearFrom'))
    const to = Number(params.get('yearTo'))
    if (params.has('yearFrom') && params.has('yearTo') && from > to) continue
    queries.add(params.toString())
  }
  return [...queries]
}

export const factIds = (count: number, facts: number) =>
  Array.from({ length: count }, () => `synthetic-${String(Math.floor(rand() * facts)).padStart(7, '0')}`)

import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { seededRandom } from './random.js'

const slugs = (file: string) => (parse(readFileSync(file, 'utf8')) as { slug: string }[]).map((t) => t.slug)
const CATEGORIES = slugs('db/vocabularies/categories.yaml')
const FORMS = slugs('db/vocabularies/forms.yaml')
const COUNTRIES = ['RU', 'UA', 'KZ', 'IR', 'BY', 'GE', 'UZ', 'TJ', 'KG', 'AM', 'AZ', 'MD', 'NG', 'KE', 'VN', 'CN']
const SORTS = ['-year', 'year', 'id']

/**
 * Filter sets over the synthetic data, each one never asked before in this run: year (one or
 * two), yearFrom / yearTo, category, form, actor, country and hasFigures, one to four of them,
 * pages in any of the three sorts. One generator serves every scenario that takes it, and it
 * remembers the filter sets (sort aside) it has handed out, so no memo, response cache or
 * earlier scenario can answer: every request pays for its own intersection, count and page or
 * facets. Call `next` from autocannon's `setupRequest`: one counter for all connections.
 */
export function neverSeenFilterSets(seed = 7) {
  const rand = seededRandom(seed)
  const one = <T>(values: readonly T[]) => values[Math.floor(rand() * values.length)]!
  const year = () => 2024 - Math.floor(30 * rand() * rand())
  const filters: ((p: URLSearchParams) => void)[] = [
    (p) => p.append('year', String(year())),
    (p) => p.set('yearFrom', String(1995 + Math.floor(rand() * 28))),
    (p) => p.set('yearTo', String(2000 + Math.floor(rand() * 25))),
    (p) => p.append('category', one(CATEGORIES)),
    (p) => p.append('form', one(FORMS)),
    (p) => p.append('actor', `actor-${Math.floor(rand() * rand() * 400)}`),
    (p) => p.set('country', one(COUNTRIES)),
    (p) => p.set('hasFigures', one(['true', 'false']))
  ]
  const seen = new Set<string>()
  let asked = 0
  let refused = 0
  function filterSet(): URLSearchParams {
    for (;;) {
      const params = new URLSearchParams()
      const n = 1 + Math.floor(rand() * 4)
      for (let i = 0; i < n; i++) one(filters)(params)
      const from = params.get('yearFrom')
      const to = params.get('yearTo')
      if (from && to && Number(from) > Number(to)) continue
      // the key the server memoizes by ignores order and repeats: so does this one
      const key = [...new Set([...params].map(([k, v]) => `${k}=${v}`))].sort().join('&')
      if (seen.has(key)) {
        refused++
        continue
      }
      seen.add(key)
      asked++
      return params
    }
  }
  return {
    page(): string {
      const params = filterSet()
      params.set('sort', one(SORTS))
      return `/v1/facts?${params}`
    },
    facets(): string {
      return `/v1/facts/facets?${filterSet()}`
    },
    /** Filter sets handed out, and draws thrown away as already asked. */
    get stats() {
      return { asked, refused }
    }
  }
}

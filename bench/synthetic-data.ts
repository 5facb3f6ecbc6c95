import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'
import { RULES } from '../src/curation/rule-issue.js'
import { seededRandom } from './random.js'

const CATEGORIES = ['prosecution', 'protection', 'prevention', 'prevalence', 'trafficking-profile', 'complicity', 'victim-account', 'assessment']
const FORMS = ['sex-trafficking', 'forced-labor', 'forced-marriage', 'child-soldiering', 'forced-criminality', 'organ-removal', 'forced-begging', 'domestic-servitude']
const ACTOR_TYPES = ['government', 'law-enforcement', 'judiciary', 'ngo', 'victim', 'criminal-group', 'media', 'official']
const COUNTRIES = ['RU', 'UA', 'KZ', 'IR', 'BY', 'GE', 'UZ', 'TJ', 'KG', 'AM', 'AZ', 'MD', 'NG', 'KE', 'VN', 'CN']
const WORDS = [
  'authorities', 'migrants', 'deported', 'victims', 'prosecuted', 'factory', 'brick', 'police', 'plan', 'rapporteur',
  'shelter', 'convicted', 'workers', 'women', 'children', 'construction', 'agriculture', 'border', 'passports', 'debt',
  'recruiters', 'brothel', 'officials', 'bribes', 'courts', 'sentence', 'investigation', 'raids', 'hotline', 'training',
  'funding', 'repatriation', 'identification', 'labour', 'exploitation', 'smuggling', 'networks', 'visa', 'contract', 'wages'
]
const ACTORS = 400
const FACTS_PER_SOURCE = 1000


/** Picks index i with weight 1 / (i + 1): a few values are common, most are rare, as in real data. */
function zipf(rand: () => number, n: number): () => number {
  const cumulative: number[] = []
  let total = 0
  for (let i = 0; i < n; i++) cumulative.push((total += 1 / (i + 1)))
  return () => {
    const r = rand() * total
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid]! < r) lo = mid + 1
      else hi = mid
    }
    return lo
  }
}

/**
 * Writes a curated-data directory of `count` facts with the layout of db/: one generated source
 * text per 1,000 facts with valid evidence offsets, skewed years, categories, forms, countries
 * and actors, several actors per fact, about half with figures, one in twenty flagged
 * subject-unclear and one in fifty truncated-in-source. Facts are NDJSON, as generated and
 * imported data would be. Deterministic.
 */
export function writeSyntheticData(dir: string, count: number, onProgress?: (written: number) => void): void {
  for (const sub of ['vocabularies', 'sources', 'facts']) mkdirSync(join(dir, sub), { recursive: true })
  for (const file of ['categories', 'forms', 'actor-types', 'units', 'flags']) cpSync(`db/vocabularies/${file}.yaml`, join(dir, 'vocabularies', `${file}.yaml`))
  // random words state nothing, so the curation rules are waived; the build still runs them
  writeFileSync(join(dir, 'dataset.yaml'), stringify({ title: 'Synthetic benchmark data', version: '0.0.0', released: '2026-01-01', license: 'Synthetic', waive: Object.keys(RULES) }))
  const rand = seededRandom(count)
  const actors = Array.from({ length: ACTORS }, (_, i) => ({
    id: `actor-${i}`, name: `Actor ${i}`, type: ACTOR_TYPES[i % ACTOR_TYPES.length], description: 'Synthetic actor.', aliases: []
  }))
  writeFileSync(join(dir, 'vocabularies', 'actors.yaml'), stringify(actors))
  const pick = { category: zipf(rand, CATEGORIES.length), form: zipf(rand, FORMS.length), country: zipf(rand, COUNTRIES.length), actor: zipf(rand, ACTORS), word: zipf(rand, WORDS.length) }
  const distinct = <T>(values: T[]) => [...new Set(values)]
  const words = (n: number) => Array.from({ length: n }, () => WORDS[pick.word()]).join(' ')

  for (let first = 0, s = 0; first < count; first += FACTS_PER_SOURCE, s++) {
    const sourceId = `synthetic-${String(s).padStart(5, '0')}`
    let text = ''
    const lines: string[] = []
    for (let i = first; i < Math.min(count, first + FACTS_PER_SOURCE); i++) {
      // recent years are more common; one fact in ten states no year
      const year = rand() < 0.1 ? null : 2024 - Math.floor(30 * rand() * rand())
      const figures = rand() < 0.5 ? [{ value: Math.floor(rand() * 5000), unit: 'people', qualifier: 'estimate', label: 'people affected' }] : []
      const sentence = `In ${year ?? 'that year'} the ${words(6)} reported ${figures[0]?.value ?? 'several'} cases.`
      const start = text.length
      text += `${sentence} `
      lines.push(JSON.stringify({
        id: `synthetic-${String(i).padStart(7, '0')}`,
        statement: `Synthetic claim ${i}: ${words(8)}.`,
        year,
        country: COUNTRIES[pick.country()],
        categories: distinct([CATEGORIES[pick.category()]!, CATEGORIES[pick.category()]!]),
        forms: distinct([FORMS[pick.form()]!]),
        actors: distinct(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => `actor-${pick.actor()}`)),
        figures,
        evidence: [{ sourceId, start, end: start + sentence.length, quote: sentence }],
        // from the fact's number, not the random stream, so adding flags left the other data as it was
        flags: i % 20 === 3 ? ['subject-unclear'] : i % 50 === 7 ? ['truncated-in-source'] : []
      }))
      if ((i + 1) % 10_000 === 0) onProgress?.(i + 1)
    }
    writeFileSync(join(dir, 'sources', `${sourceId}.txt`), text)
    writeFileSync(join(dir, 'sources', `${sourceId}.yaml`), stringify({
      id: sourceId, title: `Synthetic source ${s}`, publisher: null, publishedAt: null, url: null,
      retrievedAt: '2026-11-27', license: 'Synthetic', sha256: createHash('sha256').update(text).digest('hex')
    }))
    writeFileSync(join(dir, 'facts', `${sourceId}.ndjson`), `${lines.join('\n')}\n`)
  }
}

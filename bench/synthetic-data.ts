import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { stringify } from 'yaml'

const CATEGORIES = ['prosecution', 'protection', 'prevention', 'prevalence', 'trafficking-profile', 'complicity', 'victim-account', 'assessment']
const FORMS = ['sex-trafficking', 'forced-labor', 'forced-marriage', 'child-soldiering', 'forced-criminality', 'organ-removal', 'forced-begging', 'domestic-servitude']
const ACTOR_TYPES = ['government', 'law-enforcement', 'judiciary', 'ngo', 'victim', 'criminal-group']
const COUNTRIES = ['RU', 'UA', 'KZ', 'IR', 'BY', 'GE']
const WORDS = ['authorities', 'migrants', 'deported', 'victims', 'prosecuted', 'factory', 'brick', 'police', 'plan', 'rapporteur', 'shelter', 'convicted']

/**
 * Writes a curated-data directory of `count` facts in the shape of db/, so the benchmark runs
 * the real pipeline at a size where keyset paging and streaming matter. Deterministic.
 */
export function writeSyntheticData(dir: string, count: number): void {
  for (const sub of ['vocabularies', 'sources', 'facts']) mkdirSync(join(dir, sub), { recursive: true })
  for (const file of ['categories', 'forms', 'actor-types']) cpSync(`db/vocabularies/${file}.yaml`, join(dir, 'vocabularies', `${file}.yaml`))
  writeFileSync(join(dir, 'dataset.yaml'), stringify({ title: 'Synthetic benchmark data', version: '0.0.0', license: 'Synthetic' }))
  const actors = Array.from({ length: 60 }, (_, i) => ({
    id: `actor-${i}`,
    name: `Actor ${i}`,
    type: ACTOR_TYPES[i % ACTOR_TYPES.length],
    description: 'Synthetic actor.',
    aliases: []
  }))
  writeFileSync(join(dir, 'vocabularies', 'actors.yaml'), stringify(actors))

  const sentences: string[] = []
  const facts = []
  let offset = 0
  for (let i = 0; i < count; i++) {
    const sentence = `In ${1990 + (i % 30)} the ${WORDS[i % WORDS.length]} reported ${i} ${WORDS[(i * 7) % WORDS.length]} cases.`
    facts.push({
      id: `synthetic-${String(i).padStart(6, '0')}`,
      statement: `Synthetic claim ${i} about ${WORDS[(i * 3) % WORDS.length]} and ${WORDS[(i * 5) % WORDS.length]}.`,
      year: i % 10 === 0 ? null : 1990 + (i % 30),
      country: COUNTRIES[i % COUNTRIES.length],
      categories: [CATEGORIES[i % CATEGORIES.length], CATEGORIES[(i + 3) % CATEGORIES.length]],
      forms: [FORMS[i % FORMS.length]],
      actors: [`actor-${i % 60}`, `actor-${(i * 7) % 60}`].filter((a, k, all) => all.indexOf(a) === k),
      figures: i % 2 ? [{ value: i, unit: 'cases', qualifier: 'exact', label: 'cases' }] : [],
      evidence: [{ sourceId: 'synthetic', start: offset, end: offset + sentence.length, quote: sentence }]
    })
    sentences.push(sentence)
    offset += sentence.length + 1
  }
  const text = sentences.join(' ')
  writeFileSync(join(dir, 'sources', 'synthetic.txt'), text)
  writeFileSync(
    join(dir, 'sources', 'synthetic.yaml'),
    stringify({
      id: 'synthetic', title: 'Synthetic source', publisher: null, publishedAt: null, url: null,
      retrievedAt: '2026-11-27', license: 'Synthetic', sha256: createHash('sha256').update(text).digest('hex')
    })
  )
  writeFileSync(join(dir, 'facts', 'synthetic.yaml'), stringify(facts))
}

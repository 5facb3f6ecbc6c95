import { rmSync } from 'node:fs'
import { afterAll, expect, test } from 'vitest'
import { loadCuratedData } from '../../src/curation/load-curated-data.js'
import { copyFixture } from '../helpers/fixture-copy.js'
import { fixture } from '../helpers/fixture-oracle.js'

const copies: string[] = []
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function hashAfter(file: string, change: (text: string) => string): string {
  const copy = copyFixture()
  copies.push(copy.dir)
  copy.edit(file, change)
  return loadCuratedData(copy.dataDir).contentHash
}

test('contentHash ignores formatting but changes with any curated value', () => {
  expect(hashAfter('facts/fixture-facts.yaml', (t) => `# a comment\n${t.replace(/\n/g, '\n\n')}`)).toBe(fixture.contentHash)
  expect(hashAfter('facts/fixture-facts.yaml', (t) => t.replace('Overall the state did little.', 'Overall the state did very little.'))).not.toBe(fixture.contentHash)
  expect(hashAfter('vocabularies/actors.yaml', (t) => t.replace('Fixture CIS', 'Fixture C.I.S.'))).not.toBe(fixture.contentHash)
  expect(hashAfter('dataset.yaml', (t) => t.replace('0.0.1', '0.0.2'))).not.toBe(fixture.contentHash)
})

import { describe, expect, test } from 'vitest'
import { factCitation } from '../../../../src/routes/v1/facts/fact-citation.js'
import type { DatasetInfo } from '../../../../src/repositories/meta-repository.js'
import type { Fact } from '../../../../src/schemas/fact.js'
import { buildTestApp } from '../../../helpers/build-test-app.js'
import { fixture } from '../../../helpers/fixture-oracle.js'

const id = 'fx-2013-sex-prosecutions'
const citationOf = async (env: Parameters<typeof buildTestApp>[0], headers: Record<string, string> = {}) => {
  const app = await buildTestApp(env)
  try {
    return (await app.inject({ url: `/v1/facts/${id}/citation`, headers })).json()[0]
  } finally {
    await app.close()
  }
}

describe('the citation of the fact in this dataset', () => {
  test('is issued on the dataset’s release date, not the day the database was built', async () => {
    const self = await citationOf({})
    expect(self.issued).toEqual({ 'date-parts': [fixture.dataset.released.split('-').map(Number)] })
  })

  test('links through PUBLIC_BASE_URL when set, else through the request’s host', async () => {
    expect((await citationOf({ PUBLIC_BASE_URL: 'https://facts.example.org/api/' }, { host: 'internal:8080' })).URL).toBe(
      `https://facts.example.org/api/v1/facts/${id}`
    )
    expect((await citationOf({}, { host: 'internal:8080' })).URL).toBe(`http://internal:8080/v1/facts/${id}`)
  })

  test('ends its licence note with one full stop, whether or not the licence ends with one', () => {
    const dataset = { title: 'T', version: '1.0.0', released: '2026-12-06', license: 'CC BY 4.0. See each source.\n' } as DatasetInfo
    const fact = { id, statement: 'S', evidence: [] } as unknown as Fact
    const [self] = factCitation(fact, [], dataset, 'https://x.example/v1/facts/x')
    expect(self!.note).toBe(`Fact ${id}; licence: CC BY 4.0. See each source.`)
    const [plain] = factCitation(fact, [], { ...dataset, license: 'Test fixture' }, 'https://x.example/v1/facts/x')
    expect(plain!.note).toBe(`Fact ${id}; licence: Test fixture.`)
  })
})

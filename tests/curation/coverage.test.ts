import { describe, expect, it } from 'vitest'
import { computeCoverage, segmentSentences } from '../../src/curation/coverage.js'

const text = 'Ten were convicted in 2013. 1.1. 3 Police raided farms. Activists spoke out… A cut-off sente'
const at = (quote: string) => {
  const start = text.indexOf(quote)
  return { start, end: start + quote.length }
}

describe('segmentSentences', () => {
  it('splits after . ? ! … followed by whitespace, trims, and keeps a final unterminated sentence', () => {
    const sentences = segmentSentences(text).map(({ start, end }) => text.slice(start, end))
    expect(sentences).toEqual([
      'Ten were convicted in 2013.',
      '1.1.',
      '3 Police raided farms.',
      'Activists spoke out…',
      'A cut-off sente'
    ])
  })

  it('does not split where a dot is not followed by whitespace ("U.S.-led", "25.Nov.2020")', () => {
    const parts = segmentSentences('On 25.Nov.2020 a U.S.-led report. Next.').map(({ start, end }) => end - start)
    expect(parts).toHaveLength(2)
  })
})

describe('computeCoverage', () => {
  const source = {
    metadata: { id: 'src' },
    text,
    skipped: [{ ...at('1.1. 3'), quote: '1.1. 3', reason: 'headline' }]
  }
  const facts = [
    { evidence: [{ sourceId: 'src', ...at('Ten were convicted in 2013.') }] },
    { evidence: [{ sourceId: 'src', ...at('Police raided farms.') }] },
    // Evidence from another source must not count towards this one.
    { evidence: [{ sourceId: 'other', ...at('Activists spoke out…') }] }
  ]

  it('classifies sentences as covered, skipped (including skipped mixed with evidence) or unaccounted', () => {
    const result = computeCoverage(source, facts)
    expect(result.sentenceList.map((s) => [s.text, s.status])).toEqual([
      ['Ten were convicted in 2013.', 'covered'],
      ['1.1.', 'skipped'],
      ['3 Police raided farms.', 'skipped'],
      ['Activists spoke out…', 'unaccounted'],
      ['A cut-off sente', 'unaccounted']
    ])
    expect(result.sentences).toEqual({ total: 5, covered: 1, skipped: 2, unaccounted: 2 })
  })

  it('counts non-whitespace characters the same way', () => {
    const { characters } = computeCoverage(source, facts)
    const nonSpace = (s: string) => s.replace(/\s/g, '').length
    expect(characters.total).toBe(nonSpace(text))
    expect(characters.covered).toBe(nonSpace('Ten were convicted in 2013.Police raided farms.'))
    expect(characters.skipped).toBe(nonSpace('1.1. 3'))
    expect(characters.unaccounted).toBe(nonSpace('Activists spoke out… A cut-off sente'))
  })

  it('reports a sentence as covered only when evidence reaches all of it', () => {
    const partial = [{ evidence: [{ sourceId: 'src', ...at('Ten were convicted') }] }]
    const first = computeCoverage({ ...source, skipped: [] }, partial).sentenceList[0]
    expect(first?.status).toBe('unaccounted')
  })
})

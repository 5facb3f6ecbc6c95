// Accounts for every sentence of a source: each must be evidence of a fact or skipped with a
// reason, so nothing a source says is silently left out of the dataset.

export interface Span {
  start: number
  end: number
}

export interface CoverageSource {
  metadata: { id: string }
  text: string
  skipped: readonly Span[]
}

export interface CoverageFact {
  evidence: readonly (Span & { sourceId: string })[]
}

export type SentenceStatus = 'covered' | 'skipped' | 'unaccounted'

export interface Sentence extends Span {
  text: string
  status: SentenceStatus
}

export interface Tally {
  total: number
  covered: number
  skipped: number
  unaccounted: number
}

export interface SourceCoverage {
  sourceId: string
  /** Non-whitespace characters only: whitespace between excerpts is not content to account for. */
  characters: Tally
  sentences: Tally
  sentenceList: Sentence[]
}

const SENTENCE_END = new Set(['.', '?', '!', '…'])
const isSpace = (ch: string) => /\s/u.test(ch)

/**
 * Splits after `.`, `?`, `!` or `…` followed by whitespace. Deliberately naive: the sources are
 * scraped compilations where headings, page numbers and cut-off sentences run together, and a
 * predictable rule is easier for a curator to reason about than a clever one.
 */
export function segmentSentences(text: string): Span[] {
  const spans: Span[] = []
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const atEnd = i === text.length - 1
    if (atEnd || (SENTENCE_END.has(text[i] ?? '') && isSpace(text[i + 1] ?? ''))) {
      const trimmed = trim(text, from, i + 1)
      if (trimmed) spans.push(trimmed)
      from = i + 1
    }
  }
  return spans
}

function trim(text: string, start: number, end: number): Span | undefined {
  while (start < end && isSpace(text[start] ?? '')) start++
  while (end > start && isSpace(text[end - 1] ?? '')) end--
  return end > start ? { start, end } : undefined
}

// Character marks, in order of precedence; 0 (the array's initial value) means unaccounted.
const SKIPPED = 1
const EVIDENCE = 2

export function computeCoverage(source: CoverageSource, facts: readonly CoverageFact[]): SourceCoverage {
  const { text } = source
  const marks = new Uint8Array(text.length)
  const mark = (span: Span, value: number) => {
    for (let i = Math.max(0, span.start); i < Math.min(text.length, span.end); i++) {
      if (marks[i]! < value) marks[i] = value
    }
  }
  for (const span of source.skipped) mark(span, SKIPPED)
  for (const fact of facts) {
    for (const evidence of fact.evidence) if (evidence.sourceId === source.metadata.id) mark(evidence, EVIDENCE)
  }

  const characters = emptyTally()
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text[i]!)) continue
    characters.total++
    characters[statusOf(marks[i]!)]++
  }

  const sentences = emptyTally()
  const sentenceList = segmentSentences(text).map((span): Sentence => {
    let lowest = EVIDENCE
    for (let i = span.start; i < span.end; i++) if (!isSpace(text[i]!)) lowest = Math.min(lowest, marks[i]!)
    const status = statusOf(lowest)
    sentences.total++
    sentences[status]++
    return { ...span, text: text.slice(span.start, span.end), status }
  })
  return { sourceId: source.metadata.id, characters, sentences, sentenceList }
}

function statusOf(mark: number): SentenceStatus {
  return mark === EVIDENCE ? 'covered' : mark === SKIPPED ? 'skipped' : 'unaccounted'
}

function emptyTally(): Tally {
  return { total: 0, covered: 0, skipped: 0, unaccounted: 0 }
}

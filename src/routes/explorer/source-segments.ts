import type { SkippedSpan } from '../../repositories/sources-repository.js'

export interface EvidenceSpan {
  start: number
  end: number
  factId: string
}

export interface Segment {
  text: string
  /** Facts whose evidence covers this piece (several facts may quote the same words). */
  factIds: string[]
  /** Set on the piece where an evidence span begins: the fact page links here. */
  anchor: string | null
  skipped: boolean
  /** Skipped spans ending with this piece: their reasons follow it. */
  skippedEnding: SkippedSpan[]
}

/** The anchor of an evidence span on the source page. */
export const spanAnchor = (start: number, end: number) => `span-${start}-${end}`

/**
 * The text cut at every span boundary, each piece knowing which evidence and skipped spans
 * cover it: a sweep over the boundaries in order, spans entering at their start and leaving
 * at their end.
 */
export function sourceSegments(text: string, evidence: EvidenceSpan[], skipped: SkippedSpan[]): Segment[] {
  const spans = [...evidence.map((e) => ({ ...e, skip: undefined })), ...skipped.map((s) => ({ ...s, factId: '', skip: s }))]
    .sort((a, b) => a.start - b.start || a.end - b.end)
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b)
  const segments: Segment[] = []
  let active: typeof spans = []
  let next = 0
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!]
    active = active.filter((s) => s.end > from)
    const opening: typeof spans = []
    while (next < spans.length && spans[next]!.start <= from) opening.push(spans[next++]!)
    active.push(...opening.filter((s) => s.end > from))
    const covering = active.filter((s) => s.start <= from && s.end >= to)
    const starting = opening.find((s) => !s.skip)
    segments.push({
      text: text.slice(from, to),
      factIds: [...new Set(covering.filter((s) => !s.skip).map((s) => s.factId))],
      anchor: starting ? spanAnchor(starting.start, starting.end) : null,
      skipped: covering.some((s) => s.skip),
      skippedEnding: covering.flatMap((s) => (s.skip && s.end === to ? [s.skip] : []))
    })
  }
  return segments
}

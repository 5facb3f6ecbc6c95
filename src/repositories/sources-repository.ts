import type { Database } from 'better-sqlite3'
import type { Source } from '../schemas/source.js'

export type TextSlice = { text: string; start: number; end: number; length: number } | { refused: 'start' | 'end'; message: string }

/**
 * A slice of a source text by UTF-16 offsets (the whole text by default), or which bound is
 * past the end of the text; the REST route and the MCP tool both slice here.
 */
export function sliceText(text: string, start = 0, end = text.length): TextSlice {
  if (end > text.length || start > text.length) {
    return { refused: end > text.length ? 'end' : 'start', message: `must not exceed the text length (${text.length})` }
  }
  return { text: text.slice(start, end), start, end, length: text.length }
}

export function createSourcesRepository(db: Database) {
  const columns = `s.id, s.title, s.publisher, s.published_at AS publishedAt, s.url, s.retrieved_at AS retrievedAt,
    s.license, s.sha256, s.note, s.text_length AS length,
    COALESCE((SELECT p.cardinality FROM postings p WHERE p.dimension = 'source' AND p.value = s.id), 0) AS factCount`
  const all = db.prepare(`SELECT ${columns} FROM sources s ORDER BY s.id`)
  const one = db.prepare(`SELECT ${columns} FROM sources s WHERE s.id = ?`)
  const text = db.prepare('SELECT text FROM sources WHERE id = ?').pluck()
  const ids = db.prepare('SELECT id FROM sources ORDER BY id').pluck()
  const skipped = db.prepare('SELECT start, end, reason, note FROM skipped_spans WHERE source_id = ? ORDER BY start, end')

  return {
    list(): Source[] {
      return all.all() as Source[]
    },
    find(id: string): Source | undefined {
      return one.get(id) as Source | undefined
    },
    text(id: string): string | undefined {
      return text.get(id) as string | undefined
    },
    /** The sentences curators left out of the facts, each with its reason. */
    skipped(id: string): SkippedSpan[] {
      return skipped.all(id) as SkippedSpan[]
    },
    ids(): Set<string> {
      return new Set(ids.all() as string[])
    }
  }
}

export interface SkippedSpan {
  start: number
  end: number
  reason: string
  note: string | null
}

export type SourcesRepository = ReturnType<typeof createSourcesRepository>

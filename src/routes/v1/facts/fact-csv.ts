import type { Fact, Origin } from '../../../schemas/fact.js'
import type { FactField, FieldSelection } from '../../../schemas/fact-fields.js'

// Lists inside a cell are joined with " | "; figures and evidence keep their structure as JSON,
// so a spreadsheet shows them and a script can still parse them. The origin columns list the
// documents the evidence was first published in, one entry per document, aligned across the
// four columns (an unknown field is an empty entry), so that a spreadsheet can cite them.
export const CSV_COLUMNS = [
  'id', 'statement', 'year', 'yearInferred', 'when', 'publishedYear', 'country', 'places', 'categories', 'forms',
  'actors', 'figures', 'evidence', 'flags', 'note', 'relatedCountries', 'subdivisions',
  'originPublisher', 'originTitle', 'originYear', 'originUrl'
] as const

const LIST_SEPARATOR = ' | '

function cell(value: string | number | boolean | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export type CsvColumn = (typeof CSV_COLUMNS)[number]

// Columns that are not a fact field are derived from one: the origins from the evidence.
const DERIVED_FROM: Partial<Record<CsvColumn, FactField>> = {
  originPublisher: 'evidence', originTitle: 'evidence', originYear: 'evidence', originUrl: 'evidence'
}

/** The columns of the fields asked for (`fields=`), in the usual column order; every column without. */
export function csvColumns(fields: FieldSelection | undefined): readonly CsvColumn[] {
  if (!fields) return CSV_COLUMNS
  const names = new Set<string>(fields.names)
  return CSV_COLUMNS.filter((column) => names.has(DERIVED_FROM[column] ?? column))
}

export function csvHeader(columns: readonly CsvColumn[] = CSV_COLUMNS): string {
  return `${columns.join(',')}\r\n`
}

export function csvRow(fact: Fact, columns: readonly CsvColumn[] = CSV_COLUMNS): string {
  const origins = distinctOrigins(fact)
  const originList = (field: keyof Origin) => origins.map((o) => o[field] ?? '').join(LIST_SEPARATOR)
  const values: Record<CsvColumn, string | number | boolean | null> = {
    id: fact.id,
    statement: fact.statement,
    year: fact.year,
    yearInferred: fact.yearInferred,
    when: fact.when,
    publishedYear: fact.publishedYear,
    country: fact.country,
    places: fact.places.join(LIST_SEPARATOR),
    categories: fact.categories.join(LIST_SEPARATOR),
    forms: fact.forms.join(LIST_SEPARATOR),
    actors: fact.actors.map((a) => a.id).join(LIST_SEPARATOR),
    figures: JSON.stringify(fact.figures),
    evidence: JSON.stringify(fact.evidence),
    flags: fact.flags.join(LIST_SEPARATOR),
    note: fact.note,
    relatedCountries: fact.relatedCountries.map((c) => `${c.code} (${c.role})`).join(LIST_SEPARATOR),
    subdivisions: fact.subdivisions.map((s) => `${s.name} (${s.code})`).join(LIST_SEPARATOR),
    originPublisher: originList('publisher'),
    originTitle: originList('title'),
    originYear: originList('year'),
    originUrl: originList('url')
  }
  return `${columns.map((c) => cell(values[c])).join(',')}\r\n`
}

/** The documents a fact's evidence was first published in, each once, in evidence order. */
export function distinctOrigins(fact: Fact): Origin[] {
  const byDocument = new Map<string, Origin>()
  for (const { origin } of fact.evidence) {
    if (origin) byDocument.set(JSON.stringify([origin.url, origin.title, origin.publisher, origin.year]), origin)
  }
  return [...byDocument.values()]
}

import type { Fact } from '../../../schemas/fact.js'

// Lists inside a cell are joined with " | "; figures and evidence keep their structure as JSON,
// so a spreadsheet shows them and a script can still parse them.
export const CSV_COLUMNS = [
  'id', 'statement', 'year', 'yearInferred', 'when', 'country', 'places', 'categories', 'forms',
  'actors', 'figures', 'evidence', 'flags', 'note'
] as const

const LIST_SEPARATOR = ' | '

function cell(value: string | number | boolean | null): string {
  if (value === null) return ''
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`
}

export function csvRow(fact: Fact): string {
  const values: Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null> = {
    id: fact.id,
    statement: fact.statement,
    year: fact.year,
    yearInferred: fact.yearInferred,
    when: fact.when,
    country: fact.country,
    places: fact.places.join(LIST_SEPARATOR),
    categories: fact.categories.join(LIST_SEPARATOR),
    forms: fact.forms.join(LIST_SEPARATOR),
    actors: fact.actors.map((a) => a.id).join(LIST_SEPARATOR),
    figures: JSON.stringify(fact.figures),
    evidence: JSON.stringify(fact.evidence),
    flags: fact.flags.join(LIST_SEPARATOR),
    note: fact.note
  }
  return `${CSV_COLUMNS.map((c) => cell(values[c])).join(',')}\r\n`
}

export interface CurationIssue {
  file: string
  id?: string | undefined
  /** The field at fault (`year`, `figures[0].qualifier`), when one is. */
  field?: string | undefined
  reason: string
  /** What to change so the build accepts it. */
  fix?: string | undefined
  /** The curation rule refused (README, "Curation rules"), when it is one of them. */
  rule?: string | undefined
}

/** One line per issue: where (file, fact id, field), what is wrong, how to fix it, which rule. */
export function formatIssue(i: CurationIssue): string {
  return (
    `  ${i.file}${i.id ? ` [${i.id}]` : ''}${i.field ? ` ${i.field}:` : ':'} ${i.reason}` +
    `${i.fix ? ` — fix: ${i.fix}` : ''}${i.rule ? ` (rule ${i.rule})` : ''}`
  )
}

/** Curated data that must not be served; the message lists every issue, one per line. */
export class CurationError extends Error {
  constructor(readonly issues: CurationIssue[]) {
    super(`curated data is invalid (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n` + issues.map(formatIssue).join('\n'))
    this.name = 'CurationError'
  }
}
